package org.imagingcatalog.systemtest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.imagingcatalog.testsupport.postgres.TestDatabase;

/**
 * The catalog as the production overlay runs it, on this machine: a three-node Kafka cluster and two replicas of
 * each service, the two replicas of a service sharing its database. One per JVM, for {@link MultiNodeIT}.
 */
final class MultiNodeStack {

    private static MultiNodeStack instance;

    final KafkaCluster kafka;
    final CatalogStack stack;
    /** Replica 0 and 1 of each service. */
    final List<ServiceProcess> submissions;
    final List<ServiceProcess> curations;
    final List<ServiceProcess> publicWebs;
    private String curatorToken;
    private Instant curatorTokenAt = Instant.EPOCH;

    private MultiNodeStack() {
        Path root = Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize();
        kafka = KafkaCluster.start(root.resolve("deploy/system-tests/target/multi-node"));
        stack = CatalogStack.createOnCluster("multi", kafka.bootstrapServers());
        stack.submission.env("CATALOG_SUBMISSION_RATE_LIMIT_PER_MINUTE", "1000000");
        for (ServiceProcess service : List.of(stack.submission, stack.curation, stack.publicWeb)) {
            FaultStack.quickToStart(service);
        }
        submissions = List.of(stack.submission, stack.replica(stack.submission, "2"));
        curations = List.of(stack.curation, stack.replica(stack.curation, "2"));
        publicWebs = List.of(stack.publicWeb, stack.replica(stack.publicWeb, "2"));
    }

    static synchronized MultiNodeStack get() {
        if (instance == null) {
            MultiNodeStack multi = new MultiNodeStack();
            Runtime.getRuntime().addShutdownHook(new Thread(multi::close, "multi-node-stop"));
            multi.startAll();
            instance = multi;
        }
        return instance;
    }

    /** The first curation replica seeds the empty catalog; then the five others start together. */
    private void startAll() {
        curations.get(0).start();
        CompletableFuture.allOf(List.of(curations.get(1), submissions.get(0), submissions.get(1), publicWebs.get(0),
                publicWebs.get(1)).stream().map(s -> CompletableFuture.runAsync(s::start))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Headers of a curator's API call, renewed well before Keycloak's five minutes run out. */
    synchronized String[] asCurator() {
        if (Duration.between(curatorTokenAt, Instant.now()).toSeconds() > 120) {
            curatorToken = stack.token("curator", "curator");
            curatorTokenAt = Instant.now();
        }
        return new String[] {"Authorization", Http.bearer(curatorToken)};
    }

    /** A number a query on a service's (shared) database answers. */
    long count(ServiceProcess service, String sql) {
        return Long.parseLong(column(service, sql).get(0));
    }

    /** The first column of every row a query on a service's (shared) database answers, as text. */
    List<String> column(ServiceProcess service, String sql) {
        CatalogStack.StackDatabase database = stack.database(service);
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), TestDatabase.user(), "");
                Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + service.name() + "'s database failed: " + sql, e);
        }
    }

    private void close() {
        try {
            stack.stop();
        } finally {
            kafka.close();
        }
    }
}
