package org.imagingcatalog.model.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, refusing connections,
 * or no pooled connection to be had) from every other failure, so a service can answer "503, try
 * again" instead of an internal error.
 */
public final class DatabaseOutage {

    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now (the server is starting up). */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");
    /** Agroal's message when no connection could be had in time: the pool cannot reach the server. */
    private static final String POOL_TIMEOUT = "Acquisition timeout";
    private static final int MAX_DEPTH = 32;

    private DatabaseOutage() {
    }

    /** Whether {@code error}, or anything in its chain of causes, says the database cannot be reached. */
    public static boolean explains(Throwable error) {
        Throwable current = error;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (isOutage(current)) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }

    private static boolean isOutage(Throwable error) {
        if (error instanceof SQLTransientConnectionException || error instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (error instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || SERVER_GOING_OR_COMING.contains(state))) {
                return true;
            }
            return sql.getMessage() != null && sql.getMessage().startsWith(POOL_TIMEOUT);
        }
        // Hibernate's translation of SQLState class 08, whatever cause it keeps
        return error.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException");
    }
}
