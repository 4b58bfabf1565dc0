package org.imagingcatalog.publicweb.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.ReleasedVersion;
import org.imagingcatalog.model.events.ReleasePublished;
import org.jboss.logging.Logger;

/**
 * The SQL that stores one release part and tells when a release is complete (V7). Plain JDBC on the transaction's
 * connection: a part's versions go in with one statement each table (arrays bound once, unnested by PostgreSQL),
 * whatever the size of the part.
 */
final class ReleaseParts {

    private static final Logger LOG = Logger.getLogger(ReleaseParts.class);

    private ReleaseParts() {
    }

    /**
     * Stores the part: the release's header the first time any of its parts arrives, then the part's versions and the
     * release's references to them. Answers false, storing nothing, for a part already stored (a replay, a duplicate)
     * or one whose header contradicts the release's stored one.
     */
    static boolean store(Connection c, ReleasePublished part) throws SQLException {
        try (PreparedStatement header = c.prepareStatement("INSERT INTO catalog_release (name, notes, cut_at, previous,"
                + " entry_count) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            header.setString(1, part.release());
            header.setString(2, part.notes());
            header.setObject(3, OffsetDateTime.ofInstant(part.cutAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            header.setString(4, part.previous());
            header.setInt(5, part.entryCount());
            header.executeUpdate();
        }
        if (!sameHeaderLocked(c, part)) {
            LOG.warnf("skipping part %d of release %s: its entryCount or cutAt differs from the release's first part",
                    part.part(), part.release());
            return false;
        }
        try (PreparedStatement received = c.prepareStatement("INSERT INTO release_part (release_name, part, entry_count)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            received.setString(1, part.release());
            received.setInt(2, part.part());
            received.setInt(3, part.entries().size());
            if (received.executeUpdate() == 0) {
                return false;
            }
        }
        if (!part.entries().isEmpty()) {
            storeVersions(c, part.entries());
            storeReferences(c, part.release(), part.entries());
        }
        return true;
    }

    /**
     * Marks the release complete once its parts hold {@code entry_count} entries, counting its listed entries then;
     * answers whether it became complete now.
     */
    static boolean completeIfAllReceived(Connection c, String release) throws SQLException {
        try (PreparedStatement complete = c.prepareStatement("UPDATE catalog_release r SET complete = true,"
                + " listed_count = (SELECT count(*) FROM release_entry e JOIN entry_version v"
                + " ON v.resource_id = e.resource_id AND v.version = e.version"
                + " WHERE e.release_name = r.name AND v.status = 'ACTIVE')"
                + " WHERE r.name = ? AND NOT r.complete"
                + " AND (SELECT coalesce(sum(p.entry_count), 0) FROM release_part p WHERE p.release_name = r.name)"
                + " >= r.entry_count")) {
            complete.setString(1, release);
            return complete.executeUpdate() == 1;
        }
    }

    /**
     * Whether the stored header is the part's, locking the release's row until the transaction ends: replicas share
     * the topic's partitions, so two of them may store the last parts of one release at once, and each would count
     * only its own; locked, the second counts after the first committed and completes the release.
     */
    private static boolean sameHeaderLocked(Connection c, ReleasePublished part) throws SQLException {
        try (PreparedStatement stored = c.prepareStatement(
                "SELECT entry_count, cut_at FROM catalog_release WHERE name = ? FOR UPDATE")) {
            stored.setString(1, part.release());
            try (ResultSet row = stored.executeQuery()) {
                return row.next() && row.getInt(1) == part.entryCount()
                        && row.getObject(2, OffsetDateTime.class).toInstant().equals(part.cutAt());
            }
        }
    }

    /** Each version once, however many releases froze it, with when it was published and why, as the part says. */
    private static void storeVersions(Connection c, List<ReleasedVersion> entries) throws SQLException {
        int n = entries.size();
        String[] ids = new String[n];
        Integer[] versions = new Integer[n];
        String[] statuses = new String[n];
        String[] names = new String[n];
        String[] providers = new String[n];
        String[] json = new String[n];
        java.sql.Timestamp[] published = new java.sql.Timestamp[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Resource r = entries.get(i).snapshot();
            ids[i] = r.id();
            versions[i] = r.version();
            statuses[i] = r.status().name();
            names[i] = r.name() == null ? r.id() : r.name();
            providers[i] = r.provider();
            json[i] = ReadModelJson.write(r);
            published[i] = java.sql.Timestamp.from(entries.get(i).versionCreatedAt());
            reasons[i] = entries.get(i).reason();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO entry_version (resource_id, version, status, name,"
                + " provider, resource_json, updated_at, reason)"
                + " SELECT * FROM unnest(?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (resource_id, version) DO NOTHING")) {
            insert.setArray(1, c.createArrayOf("text", ids));
            insert.setArray(2, c.createArrayOf("int4", versions));
            insert.setArray(3, c.createArrayOf("text", statuses));
            insert.setArray(4, c.createArrayOf("text", names));
            insert.setArray(5, c.createArrayOf("text", providers));
            insert.setArray(6, c.createArrayOf("text", json));
            insert.setArray(7, c.createArrayOf("timestamptz", published));
            insert.setArray(8, c.createArrayOf("text", reasons));
            insert.executeUpdate();
        }
    }

    private static void storeReferences(Connection c, String release, List<ReleasedVersion> entries) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO release_entry (release_name, resource_id, version)"
                + " SELECT ?, v.id, v.version FROM unnest(?, ?) AS v(id, version) ON CONFLICT DO NOTHING")) {
            insert.setString(1, release);
            insert.setArray(2, c.createArrayOf("text", entries.stream().map(v -> v.snapshot().id()).toArray(String[]::new)));
            insert.setArray(3, c.createArrayOf("int4", entries.stream().map(v -> v.snapshot().version())
                    .toArray(Integer[]::new)));
            insert.executeUpdate();
        }
    }
}
