package org.imagingcatalog.model.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.imagingcatalog.model.outbox.EventSender.Acknowledged;
import org.imagingcatalog.model.outbox.EventSender.OutgoingMessage;

/**
 * Publishes pending outbox rows in the order they were written and marks each sent only after
 * the broker acknowledged it, and only if no earlier row of the same key failed in the batch (so events
 * of one key never overtake each other, while other keys' acknowledged rows are not sent twice). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so relays on
 * several threads or instances never send the same row twice while each is in flight.
 */
public final class OutboxRelay {

    private static final String CLAIM = """
            SELECT id, topic, message_key, payload, traceparent, tracestate FROM outbox_message
            WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String MARK_SENT = "UPDATE outbox_message SET sent_at = now() WHERE id = ANY (?)";
    private static final String MARK_FAILED =
            "UPDATE outbox_message SET attempts = attempts + 1, last_error = ? WHERE id = ?";
    private static final String PENDING = "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL";
    private static final String PURGE = "DELETE FROM outbox_message WHERE sent_at < now() - make_interval(secs => ?)";
    private static final int ERROR_MAX = 2000;

    private final DataSource dataSource;
    private final EventSender sender;
    private final int batchSize;

    public OutboxRelay(DataSource dataSource, EventSender sender, int batchSize) {
        this.dataSource = dataSource;
        this.sender = sender;
        this.batchSize = batchSize;
    }

    /** Sends one batch of pending rows; returns how many the broker acknowledged. */
    public int relayOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int sent = relayBatch(connection);
                connection.commit();
                return sent;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Relays batches until nothing is pending or a send fails; returns how many were sent. */
    public int relayAll() throws SQLException {
        int total = 0;
        int sent;
        do {
            sent = relayOnce();
            total += sent;
        } while (sent == batchSize);
        return total;
    }

    public long pending() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(PENDING);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Deletes rows sent longer ago than {@code age}; the broker holds them from then on. */
    public int purgeSentOlderThan(Duration age) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement purge = connection.prepareStatement(PURGE)) {
            purge.setLong(1, age.toSeconds());
            return purge.executeUpdate();
        }
    }

    private int relayBatch(Connection connection) throws SQLException {
        List<OutgoingMessage> claimed = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, batchSize);
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    String traceparent = rows.getString("traceparent");
                    claimed.add(new OutgoingMessage(rows.getLong("id"), rows.getString("topic"),
                            rows.getString("message_key"), rows.getString("payload"),
                            traceparent == null ? null : new TraceContext(traceparent, rows.getString("tracestate"))));
                }
            }
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        Acknowledged result = sender.sendAll(claimed);
        List<Long> sent = new ArrayList<>();
        Set<String> failedKeys = new HashSet<>();
        OutgoingMessage firstFailed = null;
        for (int i = 0; i < claimed.size(); i++) {
            OutgoingMessage message = claimed.get(i);
            String key = message.topic() + '\u0000' + message.key();
            // a message stays pending behind an earlier one of its key that failed: it goes out after it, in order
            if (result.has(i) && !failedKeys.contains(key)) {
                sent.add(message.id());
            } else {
                failedKeys.add(key);
                if (firstFailed == null && !result.has(i)) {
                    firstFailed = message;
                }
            }
        }
        markSent(connection, sent);
        if (firstFailed != null) {
            markFailed(connection, firstFailed.id(), result.failure() != null ? result.failure()
                    : new IllegalStateException("not acknowledged"));
        }
        return sent.size();
    }

    private static void markSent(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(MARK_SENT)) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private static void markFailed(Connection connection, long id, Exception error) throws SQLException {
        String message = String.valueOf(error.getMessage());
        try (PreparedStatement update = connection.prepareStatement(MARK_FAILED)) {
            update.setString(1, message.length() > ERROR_MAX ? message.substring(0, ERROR_MAX) : message);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }
}
