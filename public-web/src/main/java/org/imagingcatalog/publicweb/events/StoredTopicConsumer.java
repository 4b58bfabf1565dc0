package org.imagingcatalog.publicweb.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.imagingcatalog.kit.events.TopicConsumer;
import org.imagingcatalog.publicweb.cache.CatalogVersion;
import org.imagingcatalog.publicweb.readmodel.CatalogStamp;
import org.imagingcatalog.publicweb.readmodel.ReadModelStore;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

/**
 * A compacted topic kept beside the entries (link checks, releases), through the kit's consumer loop as
 * {@link EntryConsumer} does for the entries: the offsets that count are stored in PostgreSQL with what they led to,
 * every partition assignment seeks to them (or to the beginning when none is stored), and a batch that changed what
 * readers see moves the catalog version, which renews cached pages and their validators. Each topic has a consumer
 * group of its own, so a rebuild's restart of the entry consumer never makes it rebalance.
 */
abstract class StoredTopicConsumer {

    // subclasses are @Singleton: no client proxy, so no no-argument constructor is needed

    /** Stores one poll's records and their offsets in one transaction; the new stamp when readers see a change. */
    @FunctionalInterface
    interface Store {
        Optional<CatalogStamp> apply(String topic, List<ConsumerRecord<String, String>> records);
    }

    private final String topic;
    private final Store store;
    private final ReadModelStore offsets;
    private final CatalogVersion catalogVersion;
    private final TopicConsumer.Settings settings;

    private volatile TopicConsumer consumer;

    protected StoredTopicConsumer(String topic, String groupId, int maxPollRecords, Store store, ReadModelStore offsets,
            CatalogVersion catalogVersion, String bootstrapServers) {
        this.topic = topic;
        this.store = store;
        this.offsets = offsets;
        this.catalogVersion = catalogVersion;
        this.settings = TopicConsumer.Settings.of(topic, bootstrapServers, groupId).maxPollRecords(maxPollRecords)
                .offsetsKeptByHandler().hooks(new StoredOffsets());
    }

    void start(@Observes StartupEvent startup) {
        consumer = new TopicConsumer(settings, this::apply).start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        TopicConsumer current = consumer;
        if (current != null) {
            current.close();
        }
    }

    private void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        store.apply(topic, batch).ifPresent(catalogVersion::changed);
    }

    /** Positions every assigned partition where the stored records stopped. */
    private final class StoredOffsets implements TopicConsumer.Hooks {

        @Override
        public void assigned(Consumer<String, String> kafka, Collection<TopicPartition> partitions) {
            StoredPositions.seek(kafka, partitions, offsets.offsets(topic));
        }
    }
}
