package org.imagingcatalog.kit.metrics;

import java.time.Instant;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The backlog of a table that works as a queue (an outbox, the mail queue): its rows not yet sent
 * ({@code sent_at IS NULL}) and the age of the oldest, as the gauges {@code <prefix>.pending.messages} and
 * {@code <prefix>.oldest.pending.age.seconds}. The age is computed when scraped, so it keeps growing between two
 * refreshes of the count.
 */
public final class PendingRows {

    /** {@code oldestEpochSecond} is null when nothing is pending. */
    record Backlog(long pending, Double oldestEpochSecond) {

        double oldestAgeSeconds() {
            return oldestEpochSecond == null ? 0 : Math.max(0, Instant.now().getEpochSecond() - oldestEpochSecond);
        }
    }

    private final DatabaseReading<Backlog> reading;

    /**
     * @param table a table of this service with {@code created_at} and {@code sent_at} (a name from the code, never
     *            from input)
     */
    public PendingRows(String what, String table, DataSource dataSource, MeterRegistry registry, String prefix,
            String pendingDescription, String ageDescription) {
        reading = new DatabaseReading<>(what, dataSource,
                "SELECT count(*), extract(epoch FROM min(created_at)) FROM " + table + " WHERE sent_at IS NULL", rows -> {
                    rows.next();
                    long pending = rows.getLong(1);
                    double oldest = rows.getDouble(2);
                    // wasNull() speaks of the column read last: min() of no rows is NULL, not the epoch
                    return new Backlog(pending, rows.wasNull() ? null : oldest);
                });
        Gauge.builder(prefix + ".pending.messages", reading, r -> r.get(Backlog::pending))
                .description(pendingDescription).strongReference(true).register(registry);
        Gauge.builder(prefix + ".oldest.pending.age.seconds", reading, r -> r.get(Backlog::oldestAgeSeconds))
                .description(ageDescription).strongReference(true).register(registry);
    }

    public void refresh() {
        reading.refresh();
    }
}
