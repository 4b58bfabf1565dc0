package org.imagingcatalog.publicweb.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.kit.events.TopicConsumer;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.publicweb.cache.CatalogVersion;
import org.imagingcatalog.publicweb.readmodel.LinkHealthStore;
import org.imagingcatalog.publicweb.readmodel.ReadModelStore;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the latest link check of each entry in step with the compacted {@code catalog.link-health.v1}, through the
 * kit's consumer loop, as {@link EntryConsumer} does for the entries: the offsets that count are stored in PostgreSQL
 * with the checks, every partition assignment seeks to them (or to the beginning when none is stored), and a batch
 * that changed a shown check moves the catalog version, which renews cached pages and their validators. A rebuild of
 * the entries leaves the link table as it is (see V6): it is read again from the start only by a database that has
 * none of its offsets.
 */
@ApplicationScoped
public class LinkHealthConsumer {

    private static final String TOPIC = Topics.LINK_HEALTH;

    private final LinkHealthStore links;
    private final ReadModelStore offsets;
    private final CatalogVersion catalogVersion;
    private final TopicConsumer.Settings settings;

    private volatile TopicConsumer consumer;

    public LinkHealthConsumer(LinkHealthStore links, ReadModelStore offsets, CatalogVersion catalogVersion,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.readmodel.group-id", defaultValue = "public-web") String groupId,
            @ConfigProperty(name = "catalog.readmodel.max-poll-records", defaultValue = "2000") int maxPollRecords) {
        this.links = links;
        this.offsets = offsets;
        this.catalogVersion = catalogVersion;
        // a group of its own: a rebuild's restart of the entry consumer must not make this one rebalance
        this.settings = TopicConsumer.Settings.of(TOPIC, bootstrapServers, groupId + "-link-health")
                .maxPollRecords(maxPollRecords).offsetsKeptByHandler().hooks(new StoredOffsets());
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

    /** One poll, one transaction: the checks, the offsets and the change counter commit together. */
    private void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        links.apply(TOPIC, batch).ifPresent(catalogVersion::changed);
    }

    /** Positions every assigned partition where the stored checks stopped. */
    private final class StoredOffsets implements TopicConsumer.Hooks {

        @Override
        public void assigned(Consumer<String, String> kafka, Collection<TopicPartition> partitions) {
            StoredPositions.seek(kafka, partitions, offsets.offsets(TOPIC));
        }
    }
}
