package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.imagingcatalog.testsupport.Quietly;

/** One service of the catalog as users run it: its built jar in a JVM of its own. */
final class ServiceProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env = new TreeMap<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC"));
    private final Path log;
    private volatile Process process;

    ServiceProcess(String name, Path jar, int port, Path logDir) {
        this(logDir.resolve(name + ".log"), name, jar, port);
    }

    /** An instance whose output goes to {@code log} (appended across restarts), for stacks beside the shared one. */
    static ServiceProcess withLogFile(String name, Path jar, int port, Path log) {
        return new ServiceProcess(log, name, jar, port);
    }

    private ServiceProcess(Path log, String name, Path jar, int port) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.log = log;
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // the built jar logs JSON lines (production profile); the tests read and count plain lines
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
    }

    ServiceProcess env(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Another instance of this service, configured alike (environment, JVM options) but on {@code port}. */
    ServiceProcess replicaOn(int port, Path replicaLog) {
        ServiceProcess replica = new ServiceProcess(replicaLog, name, jar, port);
        env.forEach((key, value) -> replica.env.putIfAbsent(key, value));
        replica.jvmOptions.clear();
        replica.jvmOptions.addAll(jvmOptions);
        return replica;
    }

    /** One more option for its JVM (from the next start on). */
    ServiceProcess jvmOption(String option) {
        jvmOptions.add(option);
        return this;
    }

    String url() {
        return "http://localhost:" + port;
    }

    String name() {
        return name;
    }

    /** The file its output goes to. */
    Path log() {
        return log;
    }

    synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw package)");
        }
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        awaitReady();
    }

    /** SIGKILL, the way a crash or an OOM killer ends it: no shutdown hooks, nothing flushed. */
    synchronized void kill() {
        if (process != null) {
            ChildProcesses.kill(process);
            process = null;
        }
    }

    synchronized void stop() {
        if (process != null) {
            ChildProcesses.stop(process);
            process = null;
        }
    }

    boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            if (isReady()) {
                return;
            }
            Quietly.sleep(250);
        }
        String tail = logTail();
        kill(); // a half-started service would hold its port and database for the next attempt
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + ":\n" + tail);
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }


}
