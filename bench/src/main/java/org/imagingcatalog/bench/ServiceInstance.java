package org.imagingcatalog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One extra instance of a service, started by the benchmark from a frozen copy of its fast-jar (so a
 * rebuild in the work tree cannot change it mid-run), on its own port, database and broker, with the
 * same JVM options as deploy/local/up.sh. Start-up time is measured from spawning the JVM to the first
 * 200 of /q/health/ready, polled every 10 ms.
 */
final class ServiceInstance implements AutoCloseable {

    final String name;
    final int port = Procs.freePort();
    private final Path app;
    private final Path log;
    private final Map<String, String> env;
    private final List<String> javaOpts;
    private final List<Double> startups = new ArrayList<>();
    private Process process;

    ServiceInstance(String name, Path app, Path log, Map<String, String> env, List<String> javaOpts) {
        this.name = name;
        this.app = app;
        this.log = log;
        this.env = new HashMap<>(env);
        this.javaOpts = javaOpts;
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    List<Double> startups() {
        return startups;
    }

    /** Starts the instance and waits until it is ready; answers the start-up time in ms. */
    double start(Http http, long timeoutMillis) {
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaOpts);
            if (Files.isRegularFile(app.resolve("app-cds.jsa"))) {
                // the archive names quarkus-run.jar relative to its directory, so the JVM starts there
                command.add("-XX:SharedArchiveFile=app-cds.jsa");
            }
            command.add("-jar");
            command.add(app.toAbsolutePath().resolve("quarkus-run.jar").toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false"); // the logs stay readable text
            long start = System.nanoTime();
            process = builder.start();
            String ready = url() + "/q/health/ready";
            long deadline = System.currentTimeMillis() + timeoutMillis;
            while (http.get(ready).status() != 200) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up; see " + log + "\n" + tail());
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(name + " not ready within " + timeoutMillis + " ms; see " + log + "\n" + tail());
                }
                Procs.sleep(10);
            }
            double millis = (System.nanoTime() - start) / 1e6;
            startups.add(millis);
            return millis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        Procs.stop(process, 30);
        process = null;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
