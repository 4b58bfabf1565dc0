package org.imagingcatalog.kit.outbox;

import java.time.Duration;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.kit.tracing.OutboxTraces;
import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.outbox.KafkaEventSender;
import org.imagingcatalog.model.outbox.OutboxRelay;
import org.imagingcatalog.model.outbox.OutboxRelayLoop;
import org.imagingcatalog.model.outbox.OutboxWriter;
import org.imagingcatalog.model.outbox.TraceContext;
import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The only way a service produces Kafka events: {@link #append} writes the event into the outbox inside
 * the caller's transaction; the shared relay sends pending rows right after the commit and, for rows a
 * broker outage left behind, on a schedule. Sent rows are purged once they are older than the retention.
 * A row keeps the trace context of the work that wrote it, and its record continues that trace ({@link OutboxTraces}).
 * Present in services that set {@code catalog.outbox.enabled=true} at build time.
 */
@ApplicationScoped
@IfBuildProperty(name = "catalog.outbox.enabled", stringValue = "true")
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /** Fired inside a transaction that appended events; observed after a successful commit. */
    record Appended() {
    }

    private final DataSource dataSource;
    private final Event<Appended> appended;
    private final OutboxTraces traces;
    private final String bootstrapServers;
    private final String clientId;
    private final int batchSize;
    private final Duration retention;

    private KafkaEventSender sender;
    private OutboxRelay relay;
    private OutboxRelayLoop relayLoop;

    public Outbox(DataSource dataSource, Event<Appended> appended, OutboxTraces traces,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "catalog.outbox.batch-size", defaultValue = "200") int batchSize,
            @ConfigProperty(name = "catalog.outbox.retention", defaultValue = "P7D") Duration retention) {
        this.dataSource = dataSource;
        this.appended = appended;
        this.traces = traces;
        this.bootstrapServers = bootstrapServers;
        this.clientId = applicationName + "-outbox";
        this.batchSize = batchSize;
        this.retention = retention;
    }

    @PostConstruct
    void init() {
        sender = new KafkaEventSender(bootstrapServers, clientId, traces);
        relay = new OutboxRelay(dataSource, sender, batchSize);
        relayLoop = new OutboxRelayLoop(relay, "outbox-relay");
    }

    /** Adds the event to the outbox within the current transaction. */
    public void append(CatalogEvent event) {
        traces.writing(event);
        OutboxWriter.append(dataSource, event, traces.current());
        appended.fire(new Appended());
    }

    /**
     * For events the caller inserts into {@code outbox_message} itself, in SQL, within the current transaction (many
     * at once, assembled from the database's own rows): the trace context to store with them. Call
     * {@link #appendedInSql()} once they are inserted, so the relay sends them after the commit.
     */
    public TraceContext currentTrace() {
        return traces.current();
    }

    public void appendedInSql() {
        appended.fire(new Appended());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Appended ignored) {
        relayLoop.requestRun();
    }

    @Scheduled(every = "${catalog.outbox.relay-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        relayLoop.requestRun();
    }

    @Scheduled(every = "${catalog.outbox.purge-every:1h}", delayed = "${catalog.outbox.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSent() {
        purgeSentNow();
    }

    /** Deletes sent rows older than the retention; @return how many. */
    public int purgeSentNow() {
        try {
            int purged = relay.purgeSentOlderThan(retention);
            if (purged > 0) {
                LOG.infof("purged %d sent outbox rows older than %s", purged, retention);
            }
            return purged;
        } catch (Exception e) {
            LOG.warnf("cannot purge sent outbox rows yet: %s", e.toString());
            return 0;
        }
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
