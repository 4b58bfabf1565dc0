package org.imagingcatalog.kit.metrics;

import java.time.Instant;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * How far the outbox is behind: rows written but not yet acknowledged by the broker, and the age of the oldest. The
 * relay sends a row within a second of its commit, so an age of minutes means events are stuck (broker unreachable,
 * a row the broker refuses) while the service itself still answers. The gauges describe the service's database,
 * so every replica reports the same numbers.
 */
@Singleton
@Startup
@IfBuildProperty(name = "catalog.outbox.enabled", stringValue = "true")
public class OutboxBacklog {

    private static final String QUERY = """
            SELECT count(*), extract(epoch FROM min(created_at)) FROM outbox_message WHERE sent_at IS NULL""";

    /** {@code oldestEpochSecond} is null when nothing is pending. */
    record Backlog(long pending, Double oldestEpochSecond) {

        double oldestAgeSeconds() {
            return oldestEpochSecond == null ? 0 : Math.max(0, Instant.now().getEpochSecond() - oldestEpochSecond);
        }
    }

    private final DatabaseReading<Backlog> reading;

    public OutboxBacklog(DataSource dataSource, MeterRegistry registry) {
        reading = new DatabaseReading<>("the outbox backlog", dataSource, QUERY, rows -> {
            rows.next();
            double oldest = rows.getDouble(2);
            return new Backlog(rows.getLong(1), rows.wasNull() ? null : oldest);
        });
        Gauge.builder("catalog.outbox.pending.messages", reading, r -> r.get(Backlog::pending))
                .description("Outbox rows not yet acknowledged by the Kafka broker").strongReference(true)
                .register(registry);
        // the age is computed when scraped, so it keeps growing between two refreshes
        Gauge.builder("catalog.outbox.oldest.pending.age.seconds", reading, r -> r.get(Backlog::oldestAgeSeconds))
                .description("Age of the oldest outbox row not yet acknowledged (0 when none is pending)")
                .strongReference(true).register(registry);
    }

    @Scheduled(every = "${catalog.metrics.refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        reading.refresh();
    }
}
