package org.imagingcatalog.kit.metrics;

import javax.sql.DataSource;

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

    private final PendingRows backlog;

    public OutboxBacklog(DataSource dataSource, MeterRegistry registry) {
        backlog = new PendingRows("the outbox backlog", "outbox_message", dataSource, registry, "catalog.outbox",
                "Outbox rows not yet acknowledged by the Kafka broker",
                "Age of the oldest outbox row not yet acknowledged (0 when none is pending)");
    }

    @Scheduled(every = "${catalog.metrics.refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        backlog.refresh();
    }
}
