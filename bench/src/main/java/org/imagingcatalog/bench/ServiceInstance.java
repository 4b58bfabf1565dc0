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
 * One extra instance of a service (or of the empty Quarkus REST application, the start-up yardstick), started by
 * the benchmark from a frozen copy of its fast-jar (so a rebuild in the work tree cannot change it mid-run), on its
 * own port, database and broker, with the same JVM options as deploy/local/up.sh. Start-up time is measured from
 * spawning the JVM to the first 200 of /q/health/ready, polled every 10 ms.
 */
final class ServiceInstance implements AutoCloseable {

    final String name;
    final int port = Procs.freePort();
    private final Path app;
    private final Path log;
    private final Map<String, String> env;
    private final List<String> javaOpts;
    private final List<Double> startups = new ArrayList<>();
    private final List<Long> rssAtReady = new ArrayList<>();
    private final List<long[]> classesAtReady = new ArrayList<>();
    private final List<String> extraJvmOptions = new ArrayList<>();
    private Process process;
    private java.time.Instant readyAt;

    ServiceInstance(String name, Path app, Path log, Map<String, String> env, List<String> javaOpts) {
        this.name = name;
        this.app = app;
        this.log = log;
        this.env = new HashMap<>(env);
        this.javaOpts = javaOpts;
    }

    /** Another instance of the same service from the same copy, environment and database: a replica. */
    ServiceInstance replica(String replicaName, Path replicaLog) {
        return new ServiceInstance(replicaName, app, replicaLog, env, javaOpts);
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    /** The start-up times so far, in ms (each start adds one). */
    List<Double> startups() {
        return startups;
    }

    /** Resident memory of each start right when it became ready, in bytes. */
    List<Long> rssAtReady() {
        return rssAtReady;
    }

    /**
     * Classes loaded when each start became ready: {all, those from the CDS archive}, from the JVM's performance
     * counters (jcmd PerfCounter.print, read after the start was timed); {-1, -1} when they could not be read.
     */
    List<long[]> classesAtReady() {
        return classesAtReady;
    }

    /** Forgets the start-ups measured so far (the next ones are measured under other conditions). */
    void clearStartups() {
        startups.clear();
        rssAtReady.clear();
        classesAtReady.clear();
    }

    /** JVM options for the next starts only, after the shared ones (e.g. a flight recording). */
    void extraJvmOptions(List<String> options) {
        extraJvmOptions.clear();
        extraJvmOptions.addAll(options);
    }

    /** When the last start answered ready (wall clock, as a flight recording's timestamps). */
    java.time.Instant readyAt() {
        return readyAt;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the instance and waits until it is ready; answers the start-up time in ms. */
    double start(Http http, long timeoutMillis) {
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaOpts);
            command.addAll(extraJvmOptions);
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
            readyAt = java.time.Instant.now();
            startups.add(millis);
            rssAtReady.add(Procs.treeRss(process.pid()));
            classesAtReady.add(loadedClasses(process.pid()));
            return millis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long[] loadedClasses(long pid) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Map<String, Long> counters = new HashMap<>();
            for (String line : Procs.run(List.of(jcmd, Long.toString(pid), "PerfCounter.print"), Map.of(), 30).split("\n")) {
                int eq = line.indexOf('=');
                if (line.startsWith("java.cls.") && eq > 0) {
                    counters.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
                }
            }
            long own = counters.getOrDefault("java.cls.loadedClasses", -1L);
            long shared = counters.getOrDefault("java.cls.sharedLoadedClasses", -1L);
            return own < 0 || shared < 0 ? new long[] {-1, -1} : new long[] {own + shared, shared};
        } catch (RuntimeException e) {
            return new long[] {-1, -1};
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
