package org.imagingcatalog.submission.metrics;

import java.time.Instant;

import javax.sql.DataSource;

import org.imagingcatalog.kit.metrics.DatabaseReading;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * Decision mails queued but not yet delivered, and the age of the oldest. The sender retries with backoff, so an SMTP
 * outage shows here as a growing age long before a contributor wonders where their answer is. Read from the
 * database on a schedule, so every replica reports the same numbers.
 */
@Singleton
@Startup
public class MailBacklog {

    private static final String QUERY = """
            SELECT count(*), extract(epoch FROM min(created_at)) FROM outgoing_mail WHERE sent_at IS NULL""";

    /** {@code oldestEpochSecond} is null when nothing waits. */
    record Backlog(long pending, Double oldestEpochSecond) {

        double oldestAgeSeconds() {
            return oldestEpochSecond == null ? 0 : Math.max(0, Instant.now().getEpochSecond() - oldestEpochSecond);
        }
    }

    private final DatabaseReading<Backlog> reading;

    public MailBacklog(DataSource dataSource, MeterRegistry registry) {
        reading = new DatabaseReading<>("the mail backlog", dataSource, QUERY, rows -> {
            rows.next();
            double oldest = rows.getDouble(2);
            return new Backlog(rows.getLong(1), rows.wasNull() ? null : oldest);
        });
        Gauge.builder("catalog.mail.pending.messages", reading, r -> r.get(Backlog::pending))
                .description("Decision mails to contributors not yet delivered").strongReference(true)
                .register(registry);
        Gauge.builder("catalog.mail.oldest.pending.age.seconds", reading, r -> r.get(Backlog::oldestAgeSeconds))
                .description("Age of the oldest decision mail not yet delivered (0 when none waits)")
                .strongReference(true).register(registry);
    }

    @Scheduled(every = "${catalog.metrics.refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        reading.refresh();
    }
}
