package org.imagingcatalog.publicweb.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.kit.events.TopicConsumer;
import org.imagingcatalog.kit.tracing.RecordTracing;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.publicweb.cache.CatalogVersion;
import org.imagingcatalog.publicweb.readmodel.ReadModelStore;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the read model in step with the compacted {@code catalog.entries.v1}, through the kit's consumer
 * loop. The offsets that count are stored in PostgreSQL with the changes they led to: on every partition
 * assignment the consumer seeks to them (or to the beginning when none is stored), so an empty database
 * always rebuilds the whole catalog, whatever the consumer group committed. A rebuild empties the read
 * model and starts a fresh consumer, exactly as a restart with an empty database would. Each record's update is a
 * CONSUMER span continuing the trace of the curator's change, open until the poll's transaction committed.
 */
@ApplicationScoped
public class EntryConsumer {

    private static final Logger LOG = Logger.getLogger(EntryConsumer.class);
    private static final String TOPIC = Topics.ENTRIES;

    private final ReadModelStore store;
    private final CatalogVersion catalogVersion;
    private final RecordTracing tracing;
    private final TopicConsumer.Settings settings;
    private final boolean rebuildOnStart;

    private volatile TopicConsumer consumer;
    private volatile boolean caughtUp;
    private final AtomicLong rebuilds = new AtomicLong();
    private final AtomicLong eventsApplied = new AtomicLong();

    public EntryConsumer(ReadModelStore store, CatalogVersion catalogVersion, RecordTracing tracing,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.readmodel.group-id", defaultValue = "public-web") String groupId,
            @ConfigProperty(name = "catalog.readmodel.max-poll-records", defaultValue = "2000") int maxPollRecords,
            @ConfigProperty(name = "catalog.readmodel.rebuild-on-start", defaultValue = "false") boolean rebuildOnStart) {
        this.store = store;
        this.catalogVersion = catalogVersion;
        this.tracing = tracing;
        this.settings = TopicConsumer.Settings.of(TOPIC, bootstrapServers, groupId).maxPollRecords(maxPollRecords)
                .offsetsKeptByHandler().hooks(new StoredOffsets());
        this.rebuildOnStart = rebuildOnStart;
    }

    void start(@Observes StartupEvent startup) {
        consumer = new TopicConsumer(settings, tracing, (records, spans) -> apply(records));
        if (rebuildOnStart) {
            // runs on the consumer thread before its first consumer opens
            consumer.restart(this::rebuild);
        }
        consumer.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        TopicConsumer current = consumer;
        if (current != null) {
            current.close();
        }
    }

    /** Asks for a rebuild from offset 0; the consumer thread does it at once. */
    public void requestRebuild() {
        consumer.restart(this::rebuild);
    }

    public ReadModelStatus status() {
        TopicConsumer current = consumer;
        if (current == null) {
            return new ReadModelStatus(ReadModelStatus.State.STARTING, Set.of(), false, rebuilds.get(),
                    eventsApplied.get(), null);
        }
        return new ReadModelStatus(ReadModelStatus.State.of(current.state()), current.partitions(), caughtUp,
                rebuilds.get(), eventsApplied.get(), current.lastError());
    }

    /** One poll, one transaction: entries, change log, offsets and change counter commit together. */
    private void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        store.apply(TOPIC, batch).ifPresent(catalogVersion::changed);
        eventsApplied.addAndGet(records.count());
    }

    private void rebuild() {
        caughtUp = false;
        catalogVersion.changed(store.truncate(TOPIC));
        rebuilds.incrementAndGet();
        LOG.infof("read model emptied: rebuilding from %s offset 0", TOPIC);
    }

    private static boolean caughtUp(Consumer<String, String> kafka) {
        Set<TopicPartition> assigned = kafka.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = null;
        for (TopicPartition partition : assigned) {
            OptionalLong lag = kafka.currentLag(partition);
            if (lag.isPresent()) {
                if (lag.getAsLong() > 0) {
                    return false;
                }
                continue;
            }
            if (ends == null) {
                ends = kafka.endOffsets(assigned);
            }
            if (kafka.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    /** Positions every assigned partition where the read model stopped, and tracks whether it has caught up. */
    private final class StoredOffsets implements TopicConsumer.Hooks {

        @Override
        public void assigned(Consumer<String, String> kafka, Collection<TopicPartition> partitions) {
            StoredPositions.seek(kafka, partitions, store.offsets(TOPIC));
        }

        @Override
        public void revoked(Collection<TopicPartition> partitions) {
            caughtUp = false;
        }

        @Override
        public void polled(Consumer<String, String> kafka, ConsumerRecords<String, String> records) {
            caughtUp = records.isEmpty() && caughtUp(kafka);
            if (caughtUp) {
                store.maintainIfDue();
            }
        }
    }
}
