package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.imagingcatalog.keycloak.KeycloakTestResource;
import org.imagingcatalog.keycloak.TokenClient;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.postgres.TestDatabase;

/**
 * The whole catalog on free ports, started the way the local run starts it: a real Kafka KRaft
 * broker, a fresh PostgreSQL database per service, a real Keycloak with the realm file, and the
 * three services as built jars. One stack, {@link #shared()}, serves the system tests of the JVM
 * that leave it intact; tests that break things (stop the broker, kill services, restart the
 * database) build a private one with {@link #createPrivate}. The shared stack's submission-service
 * sends its decision mails to a real SMTP server in the test JVM ({@link #mail}); private stacks use
 * the mailer's mock.
 */
final class CatalogStack {

    /** One empty database: its name on its server and the JDBC URL the service gets. */
    record StackDatabase(String name, String jdbcUrl) {
    }

    /** Where a stack's databases live: the machine's PostgreSQL server, or a private one. */
    interface DatabaseServer {
        StackDatabase create(String prefix);

        String user();

        void drop(StackDatabase database);
    }

    private static final java.util.Random RANDOM = new java.security.SecureRandom();
    private static CatalogStack shared;

    /** The stack's single broker; null for a stack on a {@link KafkaCluster} (see {@link #bootstrapServers}). */
    final EmbeddedKafka kafka;
    final String bootstrapServers;
    final String keycloakUrl;
    final ServiceProcess submission;
    final ServiceProcess curation;
    final ServiceProcess publicWeb;
    /** Where the shared stack's mail goes; null for a private stack (its mailer is the mock). */
    final StackMail mail;
    private final Path root;
    private final Path logs;
    private final String label;
    private final DatabaseServer server;
    private final Map<ServiceProcess, StackDatabase> databases = new ConcurrentHashMap<>();

    private CatalogStack(String label, EmbeddedKafka kafka, String bootstrapServers, DatabaseServer server,
            StackMail mail) {
        this.root = Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize();
        this.logs = root.resolve("deploy/system-tests/target/stack-logs");
        createDirectories(logs);
        this.label = label;
        this.kafka = kafka;
        this.bootstrapServers = bootstrapServers;
        this.server = server;
        this.mail = mail;
        this.keycloakUrl = KeycloakTestResource.keycloakUrl();

        int submissionPort = freePort();
        int publicPort = freePort();
        String submissionUrl = "http://localhost:" + submissionPort;
        submission = instance("submission-service", submissionPort, server.create("submission_sys"))
                .env("CATALOG_SUBMISSION_PUBLIC_URL", submissionUrl)
                .env("PUBLIC_CATALOG_URL", "http://localhost:" + publicPort)
                .env("SUBMISSION_LINK_KEY", "system-tests-link-key-" + java.util.UUID.randomUUID())
                .env("CATALOG_SUBMISSION_RATE_LIMIT_PER_MINUTE", "100000000");
        if (mail == null) {
            submission.env("QUARKUS_MAILER_MOCK", "true");
        } else {
            // the production path: the durable queue, then SMTP (plain, as the local stack's GreenMail takes it)
            submission.env("QUARKUS_MAILER_MOCK", "false")
                    .env("SMTP_HOST", "127.0.0.1")
                    .env("SMTP_PORT", Integer.toString(mail.port()))
                    .env("QUARKUS_MAILER_START_TLS", "DISABLED")
                    .env("CATALOG_SUBMISSION_MAIL_SEND_EVERY", "1s");
        }
        curation = instance("curation-service", freePort(), server.create("curation_sys"));
        publicWeb = instance("public-web", publicPort, server.create("publicweb_sys"))
                .env("CATALOG_LINKS_SUBMISSION_URL", submissionUrl);
    }

    static synchronized CatalogStack shared() {
        if (shared == null) {
            StackMail mail = StackMail.start();
            EmbeddedKafka broker = EmbeddedKafka.shared();
            CatalogStack stack = new CatalogStack("", broker, broker.bootstrapServers(), new MachinePostgres(), mail);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.stop();
                mail.close();
            }, "catalog-stack-stop"));
            stack.startAll();
            shared = stack;
        }
        return shared;
    }

    /**
     * A stack of its own, not started: its own broker (the caller starts, stops and closes it) and
     * its own databases on {@code postgres}. Configure its services with {@code env(...)}, then
     * {@link #startAll()}; {@link #stop()} stops the services and drops the databases.
     *
     * @param label prefixes its log files, e.g. {@code faults} gives {@code faults-curation-service.log}
     */
    static CatalogStack createPrivate(String label, EmbeddedKafka kafka, PrivatePostgres postgres) {
        return new CatalogStack(label, kafka, kafka.bootstrapServers(), new PrivateServer(postgres), null);
    }

    /**
     * A stack of its own on a broker cluster (the caller owns it) and databases on the machine's PostgreSQL server,
     * not started; {@link #replica} adds more instances of a service on the same database.
     */
    static CatalogStack createOnCluster(String label, String bootstrapServers) {
        return new CatalogStack(label, null, bootstrapServers, new MachinePostgres(), null);
    }

    /** Curation first (it seeds the catalog the other two consume), then the other two together. */
    void startAll() {
        curation.start();
        CompletableFuture<Void> web = CompletableFuture.runAsync(publicWeb::start);
        submission.start();
        web.join();
    }

    /** All three at once: nothing in their start waits for another (the seed reaches the others later, by Kafka). */
    void startAllTogether() {
        CompletableFuture.allOf(CompletableFuture.runAsync(curation::start), CompletableFuture.runAsync(publicWeb::start),
                CompletableFuture.runAsync(submission::start)).join();
    }

    String token(String username, String password) {
        return new TokenClient(keycloakUrl).passwordGrantToken(username, password);
    }

    /** The database a service of this stack was given. */
    StackDatabase database(ServiceProcess service) {
        StackDatabase database = databases.get(service);
        if (database == null) {
            throw new IllegalArgumentException(service.name() + " is not a service of this stack");
        }
        return database;
    }

    /**
     * One more, not started instance of {@code service} (e.g. {@code "public-web"}) wired to this
     * stack's broker and Keycloak, on a free port with {@code database}; {@code suffix} tells its log apart.
     */
    ServiceProcess extraInstance(String service, String suffix, StackDatabase database) {
        return instance(service, freePort(), database, service + "-" + suffix);
    }

    /**
     * One more, not started instance of the same service as {@code primary}, configured alike and sharing its
     * database, on a free port: the second replica of a deployment.
     */
    ServiceProcess replica(ServiceProcess primary, String suffix) {
        String logFile = (label.isEmpty() ? "" : label + "-") + primary.name() + "-" + suffix + ".log";
        ServiceProcess replica = primary.replicaOn(freePort(), logs.resolve(logFile));
        databases.put(replica, database(primary));
        return replica;
    }

    /** Makes an empty database on this stack's server. */
    StackDatabase newDatabase(String prefix) {
        return server.create(prefix);
    }

    /** Stops every instance of this stack (extra ones included) and drops their databases. */
    void stop() {
        databases.keySet().forEach(ServiceProcess::stop);
        new ArrayList<>(databases.values()).forEach(server::drop);
        databases.clear();
    }

    private ServiceProcess instance(String service, int port, StackDatabase db) {
        return instance(service, port, db, service);
    }

    private ServiceProcess instance(String service, int port, StackDatabase db, String logName) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        String logFile = (label.isEmpty() ? "" : label + "-") + logName + ".log";
        ServiceProcess process = ServiceProcess.withLogFile(service, jar, port, logs.resolve(logFile));
        process.env("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers)
                .env("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl())
                .env("QUARKUS_DATASOURCE_USERNAME", server.user())
                .env("KEYCLOAK_URL", keycloakUrl);
        databases.put(process, db);
        return process;
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): a port from there can be taken by
     * any outgoing connection in the time between picking it and the service binding it.
     */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20_000 + RANDOM.nextInt(12_000);
            try (ServerSocket any = new ServerSocket()) {
                any.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The machine's PostgreSQL server (127.0.0.1:5432 unless CATALOG_DB_* say otherwise). */
    private static final class MachinePostgres implements DatabaseServer {

        private final Map<String, TestDatabase> created = new ConcurrentHashMap<>();

        @Override
        public StackDatabase create(String prefix) {
            TestDatabase db = TestDatabase.create(prefix);
            created.put(db.name(), db);
            return new StackDatabase(db.name(), db.jdbcUrl());
        }

        @Override
        public String user() {
            return TestDatabase.user();
        }

        @Override
        public void drop(StackDatabase database) {
            TestDatabase db = created.remove(database.name());
            if (db != null) {
                db.close();
            }
        }
    }

    /** A {@link PrivatePostgres} server that this stack may stop and restart. */
    private record PrivateServer(PrivatePostgres postgres) implements DatabaseServer {

        @Override
        public StackDatabase create(String prefix) {
            String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
            return new StackDatabase(name, postgres.createDatabase(name));
        }

        @Override
        public String user() {
            return PrivatePostgres.USER;
        }

        @Override
        public void drop(StackDatabase database) {
            // nothing to drop: the owner stops the private server, and its next start empties it
        }
    }
}
