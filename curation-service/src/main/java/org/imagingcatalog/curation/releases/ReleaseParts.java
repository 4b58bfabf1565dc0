package org.imagingcatalog.curation.releases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.ReleasePublished;
import org.imagingcatalog.model.outbox.TraceContext;

/**
 * Publishes a release through the outbox as {@link ReleasePublished} parts of about {@link #PART_CHARS} each, in the
 * cut's transaction. PostgreSQL assembles the parts itself, in one statement: each version's snapshot as it holds it
 * (jsonb as text), numbered into parts by the running length of the entries in id order. So a release of 100,000
 * entries never crosses the wire into this service, is never read into objects only to be written out again, and
 * costs the cut about as much as copying its snapshots once inside the database.
 */
final class ReleaseParts {

    /** Well under Kafka's default 1 MiB record limit, whatever one entry's size (a snapshot stays far below 512 KiB). */
    static final int PART_CHARS = 256 * 1024;
    private static final UUID PLACEHOLDER = new UUID(0, 0);
    private static final String OPENING = "{\"eventId\":\"";
    private static final String CLOSING = "0,\"entries\":[]}";
    private static final String INSERT_PARTS = """
            WITH entries AS (
                SELECT re.resource_id, '{"snapshot":' || v.snapshot::text || ',"versionCreatedAt":"'
                       || to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
                       || '","reason":' || coalesce(to_jsonb(v.reason)::text, 'null') || '}' AS json
                FROM release_entry re
                JOIN resource_version v ON v.resource_id = re.resource_id AND v.version = re.version
                WHERE re.release_name = ?),
            numbered AS (
                SELECT resource_id, json,
                       (sum(length(json) + 1) OVER (ORDER BY resource_id) - length(json) - 1) / ? AS chunk
                FROM entries),
            parts AS (
                SELECT row_number() OVER (ORDER BY chunk) - 1 AS part, string_agg(json, ',' ORDER BY resource_id) AS body
                FROM numbered GROUP BY chunk)
            INSERT INTO outbox_message (event_id, topic, message_key, payload, traceparent, tracestate)
            SELECT id, ?, ? || '/' || part, ? || id || ? || part || ',"entries":[' || body || ']}', ?, ?
            FROM (SELECT gen_random_uuid() AS id, part, body FROM parts) p""";

    private ReleaseParts() {
    }

    /** Writes every part of the release (one, with no entries, for an empty catalog); @return how many. */
    static int publish(Outbox outbox, Connection connection, CatalogRelease release) throws SQLException {
        String header = EventJson.write(new ReleasePublished(PLACEHOLDER, ReleasePublished.TYPE,
                ReleasePublished.SCHEMA_VERSION, java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                release.name, release.notes, release.cutAt, release.previous, release.entryCount, 0, List.of()));
        String opening = OPENING + PLACEHOLDER;
        if (!header.startsWith(opening) || !header.endsWith(CLOSING)) {
            throw new IllegalStateException("ReleasePublished no longer starts with its eventId and ends with its part"
                    + " and entries: " + header);
        }
        // between the event id and the part number: type, times, release, notes, previous, entryCount
        String middle = header.substring(opening.length(), header.length() - CLOSING.length());
        TraceContext trace = outbox.currentTrace();
        int parts;
        try (var statement = connection.createStatement()) {
            // the parts are numbered by a running sum over every entry in id order: sorted in memory, not on disk
            statement.execute("SET LOCAL work_mem = '256MB'");
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_PARTS)) {
            insert.setString(1, release.name);
            insert.setInt(2, PART_CHARS);
            insert.setString(3, Topics.RELEASES);
            insert.setString(4, release.name);
            insert.setString(5, OPENING);
            insert.setString(6, middle);
            insert.setString(7, trace == null ? null : trace.traceparent());
            insert.setString(8, trace == null ? null : trace.tracestate());
            parts = insert.executeUpdate();
        }
        if (parts == 0) {
            outbox.append(ReleasePublished.of(release.name, release.notes, release.cutAt, release.previous, 0, 0,
                    List.of()));
            return 1;
        }
        outbox.appendedInSql();
        return parts;
    }
}
