package org.imagingcatalog.kit.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * The last answer of one query, kept for gauges. A scrape only reads the kept value, so Prometheus never causes a
 * database query; the owner refreshes it on a schedule. While the database cannot answer, the value is unknown (NaN
 * in the scrape): the scrape still succeeds, and a number from before the outage is never shown as current.
 */
public final class DatabaseReading<T> {

    /** Turns the query's rows into the kept value. */
    @FunctionalInterface
    public interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static final Logger LOG = Logger.getLogger(DatabaseReading.class);
    /** A metric is never worth a long query: one that takes longer is cancelled and the value is unknown. */
    private static final int QUERY_TIMEOUT_SECONDS = 5;

    private final String what;
    private final DataSource dataSource;
    private final String sql;
    private final Rows<T> rows;

    private volatile T value;
    private volatile boolean failing;

    /** @param what names the reading in the log, e.g. "the outbox backlog" */
    public DatabaseReading(String what, DataSource dataSource, String sql, Rows<T> rows) {
        this.what = what;
        this.dataSource = dataSource;
        this.sql = sql;
        this.rows = rows;
    }

    /** Runs the query once and keeps its answer, or forgets the last one when it fails. */
    public void refresh() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet result = query.executeQuery()) {
                value = rows.read(result);
            }
            if (failing) {
                failing = false;
                LOG.infof("%s can be read for the metrics again", what);
            }
        } catch (SQLException | RuntimeException e) {
            value = null;
            if (!failing) {
                failing = true; // once per outage, not on every refresh
                LOG.warnf("cannot read %s for the metrics (the gauges show NaN until it can): %s", what, e.toString());
            }
        }
    }

    /** A number taken from the kept value, NaN while there is none. */
    public double get(ToDoubleFunction<T> number) {
        T current = value;
        return current == null ? Double.NaN : number.applyAsDouble(current);
    }
}
