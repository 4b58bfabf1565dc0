package org.imagingcatalog.curation.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.outbox.OutboxRelay;
import org.imagingcatalog.model.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * The only way this service produces Kafka events: {@link #append} writes the event into the outbox
 * inside the caller's transaction, and the relay sends pending rows right after the commit and, as a
 * safety net, on a schedule.
 */
@ApplicationScoped
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    /** Fired inside a transaction that appended events; observed after a successful commit. */
    public record EventsCommitted() {
    }

    @Inject
    DataSource dataSource;
    @Inject
    KafkaEventSender sender;
    @Inject
    Event<EventsCommitted> committed;
    @ConfigProperty(name = "curation.outbox.batch-size", defaultValue = "100")
    int batchSize;

    private OutboxRelay relay;
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outbox-relay");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean relayQueued = new AtomicBoolean();

    @PostConstruct
    void init() {
        relay = new OutboxRelay(dataSource, sender, batchSize);
    }

    /** Adds the event to the outbox within the current JTA transaction. */
    public void append(CatalogEvent event) {
        try {
            OutboxWriter.append(dataSource, event);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + event.type() + " to the outbox", e);
        }
        committed.fire(new EventsCommitted());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsCommitted ignored) {
        relaySoon();
    }

    @Scheduled(every = "${curation.outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void scheduledRelay() {
        relaySoon();
    }

    /** Pending outbox rows (for health and tests). */
    public long pending() {
        try {
            return relay.pending();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void relaySoon() {
        if (relayQueued.compareAndSet(false, true)) {
            try {
                relayThread.execute(this::relayAll);
            } catch (RejectedExecutionException e) {
                // shutting down: pending rows are relayed after the next start
                relayQueued.set(false);
            }
        }
    }

    private void relayAll() {
        relayQueued.set(false);
        try {
            while (relay.relayOnce() >= batchSize) {
                // a full batch: more may be waiting
            }
        } catch (Exception e) {
            LOG.debugf(e, "outbox relay failed; rows stay pending");
            LOG.warnf("outbox relay failed (%s); pending events are retried", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        relayThread.shutdownNow();
    }
}
