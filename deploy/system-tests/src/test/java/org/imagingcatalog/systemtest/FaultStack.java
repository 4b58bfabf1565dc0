package org.imagingcatalog.systemtest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;

/**
 * The stack the fault tests break, apart from the shared one the other system tests use: its own
 * Kafka broker (stopped and started again on the same port, data kept), its own PostgreSQL server
 * (restarted), and its own three services (killed). One per JVM, for every Fault*IT class.
 */
final class FaultStack {

    private static FaultStack instance;
    /** The in-process brokers log every step at INFO; kept at WARNING (held here so the setting sticks). */
    private static final List<java.util.logging.Logger> QUIET_LOGGERS = List.of(
            java.util.logging.Logger.getLogger("kafka"), java.util.logging.Logger.getLogger("org.apache.kafka"),
            java.util.logging.Logger.getLogger("state.change.logger"));

    static {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
    }

    final PrivatePostgres postgres;
    final EmbeddedKafka kafka;
    final CatalogStack stack;
    private String curatorToken;
    private Instant curatorTokenAt = Instant.EPOCH;
    private String adminToken;
    private Instant adminTokenAt = Instant.EPOCH;

    private FaultStack() {
        Path root = Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize();
        postgres = PrivatePostgres.start(root.resolve("deploy/system-tests/target/fault-postgres"));
        kafka = EmbeddedKafka.create();
        kafka.start();
        kafka.createContractTopics();
        stack = CatalogStack.createPrivate("faults", kafka, postgres);
        // these tests send a thousand submissions from one address; the abuse limit is not what they test
        stack.submission.env("CATALOG_SUBMISSION_RATE_LIMIT_PER_MINUTE", "1000000");
        for (ServiceProcess service : List.of(stack.submission, stack.curation, stack.publicWeb)) {
            quickToStart(service);
        }
    }

    /**
     * These services are started and killed over and over for short bursts of work: the client
     * compiler alone gets them up sooner, and they never run long enough to gain from the other one.
     */
    static ServiceProcess quickToStart(ServiceProcess service) {
        return service.jvmOption("-XX:TieredStopAtLevel=1");
    }

    static synchronized FaultStack get() {
        if (instance == null) {
            FaultStack faults = new FaultStack();
            Runtime.getRuntime().addShutdownHook(new Thread(faults::close, "fault-stack-stop"));
            faults.stack.startAllTogether();
            instance = faults;
        }
        return instance;
    }

    ServiceProcess submission() {
        return stack.submission;
    }

    ServiceProcess curation() {
        return stack.curation;
    }

    ServiceProcess publicWeb() {
        return stack.publicWeb;
    }

    /** Headers of a curator's API call; the token is renewed well before Keycloak's five minutes run out. */
    synchronized String[] asCurator() {
        if (Duration.between(curatorTokenAt, Instant.now()).toSeconds() > 120) {
            curatorToken = stack.token("curator", "curator");
            curatorTokenAt = Instant.now();
        }
        return new String[] {"Authorization", Http.bearer(curatorToken)};
    }

    /**
     * Headers of a call to public-web's operator routes ({@code /admin/rebuild}): the bearer token of the realm's
     * catalog-admin (user admin, through catalog-cli as every token of these tests), renewed like the curator's.
     */
    synchronized String[] asAdmin() {
        if (Duration.between(adminTokenAt, Instant.now()).toSeconds() > 120) {
            adminToken = stack.token("admin", "admin");
            adminTokenAt = Instant.now();
        }
        return new String[] {"Authorization", Http.bearer(adminToken)};
    }

    /** Runs a query on a service's database; each row as its columns' values. */
    List<List<Object>> query(ServiceProcess service, String sql, Object... parameters) {
        try (Connection c = postgres.connect(stack.database(service).name());
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("query on " + service.name() + "'s database failed: " + sql, e);
        }
    }

    long count(ServiceProcess service, String sql, Object... parameters) {
        return ((Number) query(service, sql, parameters).get(0).get(0)).longValue();
    }

    /** Outbox rows a service committed but has not seen acknowledged by the broker yet. */
    long pendingOutbox(ServiceProcess service) {
        return count(service, "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL");
    }

    private void close() {
        try {
            stack.stop();
        } finally {
            kafka.close();
            postgres.stop();
        }
    }
}
