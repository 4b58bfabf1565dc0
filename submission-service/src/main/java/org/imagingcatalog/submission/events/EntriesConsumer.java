package org.imagingcatalog.submission.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.kit.events.TopicConsumer;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.kit.events.EventRecords;
import org.imagingcatalog.kit.events.UnstorableEvent;
import org.imagingcatalog.submission.catalog.PublishedCatalog;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps {@link PublishedCatalog} up to date from the compacted {@code catalog.entries.v1}. It reads
 * the topic from its start on every start: the copy is then complete even for a new database, and
 * the monotonic version check makes the replay change nothing.
 */
@ApplicationScoped
public class EntriesConsumer {

    private static final Logger LOG = Logger.getLogger(EntriesConsumer.class);
    private static final int MAX_POLL_RECORDS = 100;

    private final PublishedCatalog catalog;
    private final String bootstrapServers;
    private final String groupId;
    private TopicConsumer consumer;

    public EntriesConsumer(PublishedCatalog catalog,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.submission.entries.group-id") String groupId) {
        this.catalog = catalog;
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    void onStart(@Observes StartupEvent event) {
        consumer = new TopicConsumer(TopicConsumer.Settings.of(Topics.ENTRIES, bootstrapServers, groupId)
                .maxPollRecords(MAX_POLL_RECORDS)
                .hooks(TopicConsumer.Hooks.FROM_START), records -> records.forEach(this::handle)).start();
    }

    private void handle(ConsumerRecord<String, String> record) {
        EventRecords.read(record, EntryVersionPublished.class).filter(this::store).ifPresent(published ->
                LOG.debugf("published entry %s is now at version %d", published.resourceId(), published.version()));
    }

    /** Each entry in its own transaction, so one the database cannot hold is skipped alone, loudly. */
    private boolean store(EntryVersionPublished event) {
        try {
            return catalog.apply(event);
        } catch (RuntimeException e) {
            if (!UnstorableEvent.isCause(e)) {
                throw e;
            }
            LOG.errorf("skipping entry %s version %d: the database cannot hold it (%s)", event.resourceId(),
                    event.version(), e.getMessage());
            return false;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (consumer != null) {
            consumer.close();
        }
    }
}
