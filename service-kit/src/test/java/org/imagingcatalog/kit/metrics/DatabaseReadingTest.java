package org.imagingcatalog.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** A reading the database cannot answer is unknown (NaN), never an exception in the scrape. */
class DatabaseReadingTest {

    @Test
    void unknownBeforeTheFirstRefreshAndWhileTheDatabaseIsDown() {
        DatabaseReading<Long> reading = new DatabaseReading<>("a test reading", new Unreachable(), "SELECT 1",
                rows -> 1L);
        assertThat(reading.get(Long::doubleValue)).isNaN();
        reading.refresh();
        reading.refresh();
        assertThat(reading.get(Long::doubleValue)).isNaN();
    }

    /** A database that never answers. */
    private static final class Unreachable implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
