package org.imagingcatalog.curation.outbox;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.outbox.KafkaEventSender;
import org.imagingcatalog.model.outbox.OutboxRelay;
import org.imagingcatalog.model.outbox.OutboxRelayLoop;
import org.imagingcatalog.model.outbox.OutboxWriter;

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
 * inside the caller's transaction, and the shared relay sends pending rows right after the commit
 * and, as a safety net, on a schedule.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** Fired inside a transaction that appended events; observed after a successful commit. */
    public record EventsCommitted() {
    }

    @Inject
    DataSource dataSource;
    @Inject
    Event<EventsCommitted> committed;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "curation.outbox.batch-size", defaultValue = "100")
    int batchSize;

    private KafkaEventSender sender;
    private OutboxRelayLoop relayLoop;

    @PostConstruct
    void init() {
        sender = new KafkaEventSender(bootstrapServers, "curation-service-outbox");
        relayLoop = new OutboxRelayLoop(new OutboxRelay(dataSource, sender, batchSize), "outbox-relay");
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
        relayLoop.requestRun();
    }

    @Scheduled(every = "${curation.outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void scheduledRelay() {
        relayLoop.requestRun();
    }

    /** Pending outbox rows (for health and tests). */
    public long pending() {
        return relayLoop.pending();
    }

    void stop(@Observes ShutdownEvent event) {
        relayLoop.close();
        sender.close();
    }
}
