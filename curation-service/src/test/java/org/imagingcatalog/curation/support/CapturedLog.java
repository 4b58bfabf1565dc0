package org.imagingcatalog.curation.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the service logs while a test runs: a JUL handler on the root logger (Quarkus' log manager is JUL's),
 * so a test can assert that a request left no ERROR behind.
 */
public final class CapturedLog implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    public static CapturedLog start() {
        return new CapturedLog();
    }

    /** Every ERROR (SEVERE) record, as "logger: message" lines. */
    public List<String> errors() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"))
                .toList();
    }

    /** Every record of a logger category (and its children), at any level. */
    public List<String> of(String category) {
        return records.stream().filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(category))
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
