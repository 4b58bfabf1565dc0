package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.imagingcatalog.keycloak.KeycloakTestResource;
import org.imagingcatalog.keycloak.TokenClient;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.FreePorts;
import org.imagingcatalog.testsupport.postgres.TestDatabase;

/**
 * The whole catalog on free ports, started the way the local run starts it: a real Kafka KRaft
 * broker, a fresh PostgreSQL database per service, a real Keycloak with the realm file, and the
 * three services as built jars. One stack serves every system test of the JVM.
 */
final class CatalogStack {

    private static CatalogStack shared;

    final EmbeddedKafka kafka;
    final String keycloakUrl;
    final ServiceProcess submission;
    final ServiceProcess curation;
    final ServiceProcess publicWeb;
    private final List<TestDatabase> databases;

    private CatalogStack() {
        Path root = Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize();
        Path logs = root.resolve("deploy/system-tests/target/stack-logs");
        createDirectories(logs);
        kafka = EmbeddedKafka.shared();
        keycloakUrl = KeycloakTestResource.keycloakUrl();
        TestDatabase submissionDb = TestDatabase.create("submission_sys");
        TestDatabase curationDb = TestDatabase.create("curation_sys");
        TestDatabase publicDb = TestDatabase.create("publicweb_sys");
        databases = List.of(submissionDb, curationDb, publicDb);

        int submissionPort = FreePorts.pick();
        String submissionUrl = "http://localhost:" + submissionPort;
        submission = service(root, logs, "submission-service", submissionPort, submissionDb)
                .env("CATALOG_SUBMISSION_PUBLIC_URL", submissionUrl)
                .env("QUARKUS_MAILER_MOCK", "true");
        curation = service(root, logs, "curation-service", FreePorts.pick(), curationDb);
        publicWeb = service(root, logs, "public-web", FreePorts.pick(), publicDb)
                .env("CATALOG_LINKS_SUBMISSION_URL", submissionUrl);
    }

    static synchronized CatalogStack shared() {
        if (shared == null) {
            CatalogStack stack = new CatalogStack();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "catalog-stack-stop"));
            // curation first: it seeds the catalog that the other two consume
            stack.curation.start();
            stack.publicWeb.start();
            stack.submission.start();
            shared = stack;
        }
        return shared;
    }

    String token(String username, String password) {
        return new TokenClient(keycloakUrl).passwordGrantToken(username, password);
    }

    private ServiceProcess service(Path root, Path logs, String name, int port, TestDatabase db) {
        return new ServiceProcess(name, root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar"), port, logs)
                .env("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
                .env("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl())
                .env("QUARKUS_DATASOURCE_USERNAME", TestDatabase.user())
                .env("KEYCLOAK_URL", keycloakUrl);
    }

    private void stop() {
        for (ServiceProcess service : List.of(submission, publicWeb, curation)) {
            service.stop();
        }
        databases.forEach(TestDatabase::close);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
