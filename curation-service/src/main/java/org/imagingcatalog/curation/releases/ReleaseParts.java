package org.imagingcatalog.curation.releases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.ReleasePublished;

/**
 * Publishes a release through the outbox as {@link ReleasePublished} parts of about {@link #PART_CHARS} each, written
 * in the cut's transaction. Each version goes into a part with its snapshot as the database holds it (jsonb text),
 * page by page in id order: a release of 100,000 entries never sits in memory whole, and is never read into objects
 * only to be written out again.
 */
final class ReleaseParts {

    /** Well under Kafka's default 1 MiB record limit, whatever one entry's size. */
    static final int PART_CHARS = 256 * 1024;
    private static final int PAGE = 1000;
    private static final String EMPTY_ENTRIES = "\"entries\":[]}";
    private static final String PAGE_SQL = """
            SELECT re.resource_id, v.snapshot::text, v.created_at, v.reason FROM release_entry re
            JOIN resource_version v ON v.resource_id = re.resource_id AND v.version = re.version
            WHERE re.release_name = ? AND re.resource_id > ? ORDER BY re.resource_id LIMIT ?""";

    private final Outbox outbox;
    private final Connection connection;
    private final CatalogRelease release;
    private final List<String> snapshots = new ArrayList<>();
    private int chars;
    private int part;

    private ReleaseParts(Outbox outbox, Connection connection, CatalogRelease release) {
        this.outbox = outbox;
        this.connection = connection;
        this.release = release;
    }

    /** Writes every part of the release (one, with no entries, for an empty catalog); @return how many. */
    static int publish(Outbox outbox, Connection connection, CatalogRelease release) throws SQLException {
        return new ReleaseParts(outbox, connection, release).publishAll();
    }

    private int publishAll() throws SQLException {
        String after = "";
        try (PreparedStatement page = connection.prepareStatement(PAGE_SQL)) {
            while (true) {
                page.setString(1, release.name);
                page.setString(2, after);
                page.setInt(3, PAGE);
                int read = 0;
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getString(1);
                        add(version(rows.getString(2), rows.getObject(3, java.time.OffsetDateTime.class).toInstant(),
                                rows.getString(4)));
                        read++;
                    }
                }
                if (read < PAGE) {
                    break;
                }
            }
        }
        if (!snapshots.isEmpty() || part == 0) {
            flush();
        }
        return part;
    }

    /** A {@code ReleasedVersion} as JSON, the snapshot copied in as the database wrote it. */
    static String version(String snapshot, java.time.Instant createdAt, String reason) {
        StringBuilder json = new StringBuilder(snapshot.length() + 96 + (reason == null ? 0 : reason.length()))
                .append("{\"snapshot\":").append(snapshot)
                .append(",\"versionCreatedAt\":\"").append(createdAt).append("\",\"reason\":");
        try {
            json.append(EventJson.mapper().writeValueAsString(reason));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a reason that is not text", e);
        }
        return json.append('}').toString();
    }

    private void add(String snapshot) throws SQLException {
        if (!snapshots.isEmpty() && chars + snapshot.length() > PART_CHARS) {
            flush();
        }
        snapshots.add(snapshot);
        chars += snapshot.length() + 1;
    }

    private void flush() throws SQLException {
        ReleasePublished header = ReleasePublished.of(release.name, release.notes, release.cutAt, release.previous,
                release.entryCount, part, List.of());
        String empty = EventJson.write(header);
        if (!empty.endsWith(EMPTY_ENTRIES)) {
            throw new IllegalStateException("ReleasePublished no longer ends with its entries: " + empty);
        }
        StringBuilder payload = new StringBuilder(empty.length() + chars + 16)
                .append(empty, 0, empty.length() - 2);
        for (int i = 0; i < snapshots.size(); i++) {
            payload.append(i == 0 ? "" : ",").append(snapshots.get(i));
        }
        payload.append("]}");
        outbox.appendWritten(connection, header.eventId(), Topics.RELEASES, header.key(), payload.toString());
        snapshots.clear();
        chars = 0;
        part++;
    }
}
