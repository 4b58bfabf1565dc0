package org.imagingcatalog.model.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.model.outbox.EventSender.Acknowledged;
import org.imagingcatalog.model.outbox.EventSender.OutgoingMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's own logic against the machine's real PostgreSQL; the sender is an in-memory stand-in. */
class OutboxRelayTest {

    private static final String HOST = env("CATALOG_DB_HOST", "127.0.0.1");
    private static final String PORT = env("CATALOG_DB_PORT", "5432");
    private static final String DB = "outbox_test_" + UUID.randomUUID().toString().substring(0, 8);
    private static DataSource dataSource;

    @BeforeAll
    static void createDatabase() throws Exception {
        admin("CREATE DATABASE " + DB);
        dataSource = new SimpleDataSource("jdbc:postgresql://" + HOST + ":" + PORT + "/" + DB);
        // as Flyway runs them: the versioned migration, then the repeatable one
        for (String migration : List.of("V0_1__outbox.sql", "R__outbox_trace_context.sql")) {
            String ddl = new String(OutboxRelayTest.class.getResourceAsStream("/db/outbox/" + migration).readAllBytes(),
                    StandardCharsets.UTF_8);
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute(ddl);
            }
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        admin("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE outbox_message");
        }
    }

    @Test
    void rowsOfARolledBackTransactionAreNeverRelayed() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            OutboxWriter.append(c, decision());
            c.rollback();
        }
        List<String> sent = new CopyOnWriteArrayList<>();
        assertThat(new OutboxRelay(dataSource, (t, k, p) -> sent.add(k), 10).relayAll()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedSendStaysPendingAndGoesOutNextTimeInOrder() throws Exception {
        SubmissionDecided first = decision();
        SubmissionDecided second = decision();
        OutboxWriter.append(dataSource, first);
        OutboxWriter.append(dataSource, second);
        AtomicInteger calls = new AtomicInteger();
        List<String> sent = new CopyOnWriteArrayList<>();
        EventSender flaky = (topic, key, payload) -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("broker unreachable");
            }
            sent.add(key);
        };
        OutboxRelay relay = new OutboxRelay(dataSource, flaky, 10);

        assertThat(relay.relayOnce()).isZero();
        assertThat(relay.pending()).isEqualTo(2);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rows = s.executeQuery("SELECT attempts, last_error FROM outbox_message ORDER BY id LIMIT 1")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getString(2)).isEqualTo("broker unreachable");
        }

        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(sent).containsExactly(first.key(), second.key());
        assertThat(relay.pending()).isZero();
    }

    @Test
    void aFailureInOneKeyLeavesOtherKeysSentOnceAndItsOwnLaterEventsBehindIt() throws Exception {
        UUID a = UUID.randomUUID();
        SubmissionDecided a1 = decision(a);
        SubmissionDecided b1 = decision(UUID.randomUUID());
        SubmissionDecided a2 = decision(a);
        SubmissionDecided c1 = decision(UUID.randomUUID());
        for (SubmissionDecided event : List.of(a1, b1, a2, c1)) {
            OutboxWriter.append(dataSource, event);
        }
        // the broker takes everything but the first event of key a (as when its partition's leader is away)
        EventSender partlyFailing = new EventSender() {
            @Override
            public void send(String topic, String key, String payload) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Acknowledged sendAll(List<OutgoingMessage> messages) {
                BitSet acknowledged = new BitSet();
                for (int i = 0; i < messages.size(); i++) {
                    if (i != 0) {
                        acknowledged.set(i);
                    }
                }
                return new Acknowledged(acknowledged, new IllegalStateException("leader not available"));
            }
        };
        OutboxRelay relay = new OutboxRelay(dataSource, partlyFailing, 10);

        assertThat(relay.relayOnce()).as("b1 and c1 are marked sent; a2 waits behind a1").isEqualTo(2);
        assertThat(relay.pending()).isEqualTo(2);

        List<String> keys = new CopyOnWriteArrayList<>();
        assertThat(new OutboxRelay(dataSource, (topic, key, payload) -> keys.add(key), 10).relayAll()).isEqualTo(2);
        assertThat(keys).containsExactly(a.toString(), a.toString());
        assertThat(relay.pending()).isZero();
    }

    @Test
    void eachRowGoesOutWithTheTraceContextItWasWrittenWith() throws Exception {
        TraceContext traced = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "congo=t61rcWkgMzE");
        OutboxWriter.append(dataSource, decision(), traced);
        OutboxWriter.append(dataSource, decision());
        List<OutgoingMessage> sent = new CopyOnWriteArrayList<>();
        EventSender capturing = new EventSender() {
            @Override
            public void send(String topic, String key, String payload) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Acknowledged sendAll(List<OutgoingMessage> messages) {
                sent.addAll(messages);
                BitSet all = new BitSet();
                all.set(0, messages.size());
                return new Acknowledged(all, null);
            }
        };

        assertThat(new OutboxRelay(dataSource, capturing, 10).relayAll()).isEqualTo(2);
        assertThat(sent).extracting(OutgoingMessage::trace).containsExactly(traced, null);
    }

    @Test
    void concurrentRelaysSendEveryRowExactlyOnce() throws Exception {
        for (int i = 0; i < 200; i++) {
            OutboxWriter.append(dataSource, decision());
        }
        Map<String, Integer> sends = new ConcurrentHashMap<>();
        EventSender counting = (topic, key, payload) -> {
            sends.merge(key, 1, Integer::sum);
            Thread.sleep(1);
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> relays = List.of(
                    pool.submit(() -> new OutboxRelay(dataSource, counting, 25).relayAll()),
                    pool.submit(() -> new OutboxRelay(dataSource, counting, 25).relayAll()));
            int total = relays.get(0).get() + relays.get(1).get();
            total += new OutboxRelay(dataSource, counting, 25).relayAll();
            assertThat(total).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sends).hasSize(200);
        assertThat(sends.values()).containsOnly(1);
    }

    private static SubmissionDecided decision() {
        return decision(UUID.randomUUID());
    }

    private static SubmissionDecided decision(UUID submission) {
        return SubmissionDecided.of(submission, DecisionOutcome.REJECT, "no", null, null, Instant.now());
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
