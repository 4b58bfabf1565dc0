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
import org.imagingcatalog.publicweb.readmodel.ReadModelStore;
import org.imagingcatalog.publicweb.readmodel.ReleaseStore;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the named releases in step with the compacted {@code catalog.releases.v1}, through the kit's consumer loop, as
 * {@link LinkHealthConsumer} does for the link checks: the offsets that count are stored in PostgreSQL with the parts,
 * every partition assignment seeks to them (or to the beginning when none is stored), and a poll in which a release
 * became complete moves the catalog version, which renews cached pages and their validators. A poll takes few records
 * (a part is about 256 KB), so memory holds a few parts at most. A rebuild of the entries leaves the releases as they
 * are (see V7).
 */
@ApplicationScoped
public class ReleaseConsumer {

    private static final String TOPIC = Topics.RELEASES;

    private final ReleaseStore releases;
    private final ReadModelStore offsets;
    private final CatalogVersion catalogVersion;
    private final TopicConsumer.Settings settings;

    private volatile TopicConsumer consumer;

    public ReleaseConsumer(ReleaseStore releases, ReadModelStore offsets, CatalogVersion catalogVersion,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.readmodel.group-id", defaultValue = "public-web") String groupId,
            @ConfigProperty(name = "catalog.releases.max-poll-records", defaultValue = "16") int maxPollRecords) {
        this.releases = releases;
        this.offsets = offsets;
        this.catalogVersion = catalogVersion;
        // a group of its own: a rebuild's restart of the entry consumer must not make this one rebalance
        this.settings = TopicConsumer.Settings.of(TOPIC, bootstrapServers, groupId + "-releases")
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

    /** One poll, one transaction: the parts, the offsets and the change counter commit together. */
    private void apply(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        releases.apply(TOPIC, batch).ifPresent(catalogVersion::changed);
    }

    /** Positions every assigned partition where the stored parts stopped. */
    private final class StoredOffsets implements TopicConsumer.Hooks {

        @Override
        public void assigned(Consumer<String, String> kafka, Collection<TopicPartition> partitions) {
            StoredPositions.seek(kafka, partitions, offsets.offsets(TOPIC));
        }
    }
}
