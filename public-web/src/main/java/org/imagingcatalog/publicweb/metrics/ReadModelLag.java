package org.imagingcatalog.publicweb.metrics;

import java.time.Duration;
import java.time.Instant;

import org.imagingcatalog.publicweb.events.EntryConsumer;
import org.imagingcatalog.publicweb.events.ReadModelStatus;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * How far this replica's read model is behind {@code catalog.entries.v1}, in time: the seconds since it last had read
 * everything on its partitions (0 while it has). The records still to read are the kit's consumer lag
 * ({@code catalog_consumer_lag_records{group="public-web"}}); this says for how long readers have been served an old
 * catalog, which is what an alert should wait on. A replica without partitions (more replicas than partitions) has
 * nothing to be behind on. Also the events applied and the rebuilds, from the consumer's own counts.
 */
@Singleton
@Startup
public class ReadModelLag {

    private final EntryConsumer consumer;
    /** A starting replica counts as caught up at its start: catching up after a restart takes a moment. */
    private volatile Instant lastCaughtUp = Instant.now();

    public ReadModelLag(EntryConsumer consumer, MeterRegistry registry) {
        this.consumer = consumer;
        Gauge.builder("catalog.readmodel.behind.seconds", this, ReadModelLag::behindSeconds)
                .description("Seconds since the read model last had read everything on its partitions (0 while it has)")
                .strongReference(true).register(registry);
        FunctionCounter.builder("catalog.readmodel.events.applied", consumer, c -> c.status().eventsApplied())
                .description("Entry events applied to the read model").register(registry);
        FunctionCounter.builder("catalog.readmodel.rebuilds", consumer, c -> c.status().rebuilds())
                .description("Rebuilds of the read model from offset 0").register(registry);
    }

    /** The consumer knows it is caught up only right after an empty poll: look often enough not to miss it. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sample() {
        if (upToDate(consumer.status())) {
            lastCaughtUp = Instant.now();
        }
    }

    private double behindSeconds() {
        return upToDate(consumer.status()) ? 0 : Duration.between(lastCaughtUp, Instant.now()).toMillis() / 1000.0;
    }

    private static boolean upToDate(ReadModelStatus status) {
        return status.caughtUp() || status.partitions().isEmpty();
    }
}
