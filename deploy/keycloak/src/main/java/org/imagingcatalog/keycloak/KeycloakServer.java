package org.imagingcatalog.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops a real Keycloak ({@code bin/kc.sh start-dev}) from a Keycloak home.
 *
 * <pre>
 * try (KeycloakServer kc = KeycloakServer.builder(home).port(18180).realmResource().build().start()) {
 *     String token = kc.tokenClient().passwordGrantToken("curator", "curator");
 * }
 * </pre>
 *
 * <p>Start-up: the realm files are copied to {@code home/data/import/}, then
 * {@code kc.sh start-dev --http-port PORT --http-host 127.0.0.1 --import-realm} runs with its output
 * in a log file; the server counts as started when
 * {@code GET http://localhost:PORT/realms/imaging-catalog/.well-known/openid-configuration} answers 200.
 * No build-time options are passed (no health/metrics, no features), so every home is augmented once
 * and never again, whoever starts it.
 *
 * <p>Stop: {@code kc.sh} runs Keycloak as a child JVM, so the launcher signals the JVM and every other
 * descendant as well as {@code kc.sh} itself (SIGTERM, then SIGKILL after the grace period).
 *
 * <p>Two Keycloaks must never share one dev database: give each its own home
 * ({@link KeycloakDistribution#ensureHomeCopy}) or its own {@link Builder#databaseDir database dir}
 * ({@code -Dkc.db-url-path}, which relocates {@code data/h2/} of the dev-file database).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "imaging-catalog";
    /** The realm file on the classpath of this module. */
    public static final String REALM_RESOURCE = "keycloak/imaging-catalog-realm.json";

    private final Builder cfg;
    private Process process;

    private KeycloakServer(Builder cfg) {
        this.cfg = cfg;
    }

    public static Builder builder(Path home) {
        return new Builder(home);
    }

    /** {@code http://localhost:PORT} (always localhost: tokens carry this issuer). */
    public String url() {
        return "http://localhost:" + cfg.port;
    }

    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public int port() {
        return cfg.port;
    }

    public Path home() {
        return cfg.home;
    }

    public Path logFile() {
        return cfg.logFile;
    }

    public TokenClient tokenClient() {
        return new TokenClient(url());
    }

    /** The process of {@code kc.sh} (its descendants include the Keycloak JVM), or null before start. */
    public Process process() {
        return process;
    }

    public synchronized KeycloakServer start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        Path kcSh = cfg.home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new IllegalStateException("Not a Keycloak home (no bin/kc.sh): " + cfg.home);
        }
        try {
            Path importDir = cfg.home.resolve("data/import");
            Files.createDirectories(importDir);
            for (Map.Entry<String, byte[]> realm : cfg.realms.entrySet()) {
                Path tmp = Files.createTempFile(importDir, ".realm", ".tmp");
                Files.write(tmp, realm.getValue());
                Files.move(tmp, importDir.resolve(realm.getKey()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Files.createDirectories(cfg.logFile.toAbsolutePath().getParent());

            List<String> cmd = new ArrayList<>(List.of("bash", kcSh.toString(), "start-dev",
                    "--http-port=" + cfg.port, "--http-host=" + cfg.bindHost, "--import-realm"));
            cmd.addAll(cfg.extraArgs);
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(cfg.home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(cfg.logFile.toFile()));
            Map<String, String> env = pb.environment();
            // never inherit settings meant for another Keycloak
            env.keySet().removeIf(k -> k.startsWith("KC_") || k.equals("JAVA_OPTS") || k.equals("JAVA_OPTS_APPEND"));
            List<String> javaOpts = new ArrayList<>();
            if (cfg.databaseDir != null) {
                Files.createDirectories(cfg.databaseDir);
                javaOpts.add("-Dkc.db-url-path=" + cfg.databaseDir.toAbsolutePath());
            }
            if (!javaOpts.isEmpty()) {
                env.put("JAVA_OPTS_APPEND", String.join(" ", javaOpts));
            }
            env.putAll(cfg.env);
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak in " + cfg.home, e);
        }
        awaitReady();
        return this;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI wellKnown = URI.create(realmUrl() + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + cfg.startTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String tail = logTail(60);
                stop();
                throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                        + " before it was ready. Log " + cfg.logFile + ":\n" + tail);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(500);
        }
        String tail = logTail(60);
        stop();
        throw new IllegalStateException("Keycloak did not answer " + wellKnown + " within " + cfg.startTimeout
                + ". Log " + cfg.logFile + ":\n" + tail);
    }

    /** Stops kc.sh and its descendants (the Keycloak JVM): SIGTERM, then SIGKILL after the grace period. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        ProcessHandle root = process.toHandle();
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add); // snapshot before the parent goes away
        all.add(root);
        for (ProcessHandle h : all) {
            h.destroy();
        }
        long deadline = System.nanoTime() + cfg.stopTimeout.toNanos();
        for (ProcessHandle h : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    h.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception ignored) {
                // fall through to SIGKILL
            }
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public String logTail(int lines) {
        try {
            if (!Files.exists(cfg.logFile)) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(cfg.logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm file of this module, from the classpath. */
    public static byte[] realmResource() {
        try (InputStream in = KeycloakServer.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + REALM_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private final Path home;
        private int port = 8180;
        private String bindHost = "127.0.0.1";
        private final Map<String, byte[]> realms = new LinkedHashMap<>();
        private Path databaseDir;
        private Path logFile;
        private Duration startTimeout = Duration.ofSeconds(240);
        private Duration stopTimeout = Duration.ofSeconds(30);
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> extraArgs = new ArrayList<>();

        private Builder(Path home) {
            this.home = home.toAbsolutePath().normalize();
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Interface Keycloak binds to; 127.0.0.1 by default (the local admin login is admin/admin). */
        public Builder bindHost(String host) {
            this.bindHost = host;
            return this;
        }

        public Builder realmFile(Path file) {
            try {
                realms.put(file.getFileName().toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** The imaging-catalog realm from this module's classpath. */
        public Builder realmResource() {
            realms.put("imaging-catalog-realm.json", KeycloakServer.realmResource());
            return this;
        }

        /** Keep the dev-file (H2) database under {@code dir} instead of {@code home/data}. */
        public Builder databaseDir(Path dir) {
            this.databaseDir = dir;
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = file;
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /** Master realm admin for the admin console (local only). */
        public Builder bootstrapAdmin(String username, String password) {
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", username);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder arg(String arg) {
            extraArgs.add(arg);
            return this;
        }

        public KeycloakServer build() {
            if (logFile == null) {
                logFile = home.resolve("data/log/keycloak-" + port + ".log");
            }
            return new KeycloakServer(this);
        }
    }

    /**
     * {@code java -cp ... org.imagingcatalog.keycloak.KeycloakServer --home DIR [--port 8180]
     * [--realm FILE]... [--db-dir DIR] [--log FILE]}: starts Keycloak, prints its URL and blocks
     * until the JVM is told to stop (SIGTERM/Ctrl-C), then stops Keycloak and its child JVM.
     */
    public static void main(String[] args) throws InterruptedException {
        Path home = null;
        Builder b = null;
        List<Path> realmFiles = new ArrayList<>();
        int port = 8180;
        Path dbDir = null;
        Path log = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Paths.get(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--realm" -> realmFiles.add(Paths.get(args[++i]));
                case "--db-dir" -> dbDir = Paths.get(args[++i]);
                case "--log" -> log = Paths.get(args[++i]);
                default -> {
                    System.err.println("Unknown argument " + args[i]
                            + "\nusage: KeycloakServer --home DIR [--port N] [--realm FILE]... [--db-dir DIR] [--log FILE]");
                    System.exit(2);
                }
            }
        }
        if (home == null) {
            home = KeycloakDistribution.ensureHomeCopy(KeycloakDistribution.distributionHome(),
                    KeycloakDistribution.localDir().resolve("keycloak-launcher/keycloak-" + KeycloakDistribution.version()));
        }
        b = builder(home).port(port).databaseDir(dbDir).logFile(log).bootstrapAdmin("admin", "admin");
        if (realmFiles.isEmpty()) {
            b.realmResource();
        } else {
            realmFiles.forEach(b::realmFile);
        }
        KeycloakServer server = b.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "keycloak-stop"));
        long t0 = System.nanoTime();
        server.start();
        System.out.printf("Keycloak ready at %s (realm %s) in %d s; log %s%n", server.url(), REALM,
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0), server.logFile());
        server.process().waitFor();
        System.err.println("Keycloak exited with " + server.process().exitValue());
    }
}
