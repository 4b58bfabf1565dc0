package org.imagingcatalog.curation.linkhealth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Runs work on one replica at a time: curation-service runs several, and each host must see the checker's politeness
 * once, not once per replica. A PostgreSQL session advisory lock, held on its own connection while the work runs;
 * a replica that does not get it skips this turn.
 */
final class OneReplica {

    private static final Logger LOG = Logger.getLogger(OneReplica.class);

    private OneReplica() {
    }

    /** @return whether {@code work} ran here */
    static boolean run(DataSource dataSource, long lockKey, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!call(connection, "SELECT pg_try_advisory_lock(?)", lockKey)) {
                LOG.debugf("another replica holds advisory lock %d; skipping this turn", lockKey);
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?)", lockKey);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take advisory lock " + lockKey + ": " + e.getMessage(), e);
        }
    }

    private static boolean call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
