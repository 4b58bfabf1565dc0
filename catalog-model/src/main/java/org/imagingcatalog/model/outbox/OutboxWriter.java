package org.imagingcatalog.model.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.events.EventJson;

/**
 * Records an event in the outbox table on the caller's connection, so it commits or rolls back
 * with the state change it describes, together with the trace context of the work that wrote it. The relay
 * publishes it afterwards.
 */
public final class OutboxWriter {

    private static final String INSERT =
            "INSERT INTO outbox_message (event_id, topic, message_key, payload, traceparent, tracestate)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";

    private OutboxWriter() {
    }

    public static void append(Connection connection, CatalogEvent event) throws SQLException {
        append(connection, event, null);
    }

    /** @param trace the context of the work writing the event; null outside any trace */
    public static void append(Connection connection, CatalogEvent event, TraceContext trace) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.eventId());
            insert.setString(2, event.topic());
            insert.setString(3, event.key());
            insert.setString(4, EventJson.write(event));
            insert.setString(5, trace == null ? null : trace.traceparent());
            insert.setString(6, trace == null ? null : trace.tracestate());
            insert.executeUpdate();
        }
    }

    /**
     * Appends through a connection of the data source; inside a JTA transaction the container
     * enlists that connection, so the row commits with the rest of the transaction.
     */
    public static void append(DataSource dataSource, CatalogEvent event) {
        append(dataSource, event, null);
    }

    /** As {@link #append(DataSource, CatalogEvent)}, with the trace context of the work writing the event. */
    public static void append(DataSource dataSource, CatalogEvent event, TraceContext trace) {
        try (Connection connection = dataSource.getConnection()) {
            append(connection, event, trace);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + event.type() + " in the outbox", e);
        }
    }
}
