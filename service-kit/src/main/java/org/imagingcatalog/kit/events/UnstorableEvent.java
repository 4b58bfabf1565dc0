package org.imagingcatalog.kit.events;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure no retry can mend from one that passes. PostgreSQL's SQLSTATE class 22 ("data exception":
 * a value too long for its column, a NUL byte in text, a number out of range) depends only on the event, so
 * reading it again fails again and would stall the consumer behind it forever; anything else (the database
 * down, a lost connection, a serialisation conflict) is worth the retry.
 */
public final class UnstorableEvent {

    private static final String DATA_EXCEPTION_CLASS = "22";

    private UnstorableEvent() {
    }

    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    String state = next.getSQLState();
                    if (state != null && state.startsWith(DATA_EXCEPTION_CLASS)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
