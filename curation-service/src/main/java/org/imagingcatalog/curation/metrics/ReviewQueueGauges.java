package org.imagingcatalog.curation.metrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.kit.metrics.DatabaseReading;
import org.imagingcatalog.model.SubmissionStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * The review queue as an operator watches it: how many submissions stand in each status, how long the oldest one a
 * curator can decide (RECEIVED, IN_REVIEW) has been waiting, and when a curator last decided. Together the last two
 * tell a queue that nobody works on from one that is merely empty. Read from the database on a schedule, so every
 * replica reports the same numbers.
 */
@Singleton
@Startup
public class ReviewQueueGauges {

    private static final String QUERY = """
            SELECT status, count(*),
                   extract(epoch FROM min(received_at) FILTER (WHERE status IN ('RECEIVED', 'IN_REVIEW'))),
                   (SELECT extract(epoch FROM max(decided_at)) FROM review_round)
            FROM review_item GROUP BY status""";

    /** {@code oldestOpenEpochSecond} is null when no item is open; {@code lastDecisionEpochSecond} 0 before the first. */
    record Queue(Map<SubmissionStatus, Long> items, Double oldestOpenEpochSecond, double lastDecisionEpochSecond) {

        double oldestOpenAgeSeconds() {
            return oldestOpenEpochSecond == null ? 0
                    : Math.max(0, Instant.now().getEpochSecond() - oldestOpenEpochSecond);
        }
    }

    private final DatabaseReading<Queue> reading;

    public ReviewQueueGauges(DataSource dataSource, MeterRegistry registry) {
        reading = new DatabaseReading<>("the review queue", dataSource, QUERY, ReviewQueueGauges::queue);
        for (SubmissionStatus status : SubmissionStatus.values()) {
            Gauge.builder("catalog.curation.queue.items", reading, r -> r.get(q -> q.items().getOrDefault(status, 0L)))
                    .tag("status", status.name()).description("Submissions in the review queue, by status")
                    .strongReference(true).register(registry);
        }
        Gauge.builder("catalog.curation.oldest.open.submission.age.seconds", reading,
                        r -> r.get(Queue::oldestOpenAgeSeconds))
                .description("How long the oldest submission a curator can decide has been waiting (0 when none)")
                .strongReference(true).register(registry);
        Gauge.builder("catalog.curation.last.decision.timestamp.seconds", reading,
                        r -> r.get(Queue::lastDecisionEpochSecond))
                .description("When a curator last decided on a submission, in Unix seconds (0 before the first decision)")
                .strongReference(true).register(registry);
    }

    @Scheduled(every = "${catalog.metrics.refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        reading.refresh();
    }

    private static Queue queue(ResultSet rows) throws SQLException {
        Map<SubmissionStatus, Long> items = new EnumMap<>(SubmissionStatus.class);
        Double oldestOpen = null;
        double lastDecision = 0;
        while (rows.next()) {
            items.put(SubmissionStatus.valueOf(rows.getString(1)), rows.getLong(2));
            double oldest = rows.getDouble(3);
            if (!rows.wasNull()) {
                oldestOpen = oldestOpen == null ? oldest : Math.min(oldestOpen, oldest);
            }
            lastDecision = rows.getDouble(4); // the same in every row (0 when there is none)
        }
        return new Queue(items, oldestOpen, lastDecision);
    }
}
