package org.imagingcatalog.publicweb.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.web.CatalogStamp;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes entry events into the read model. One batch of records is one transaction: the entries, the
 * change log, the consumed offsets and the catalog's change counter commit together, so a crash or a
 * replay can neither lose nor double anything. Only the consumer thread writes.
 */
@ApplicationScoped
public class ReadModelStore {

    private static final Logger LOG = Logger.getLogger(ReadModelStore.class);

    /** The next offset to read per partition of the topic; a partition never read is absent. */
    public Map<Integer, Long> offsets(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> ConsumedOffset.<ConsumedOffset> list("topic", topic)
                .stream().collect(Collectors.toMap(o -> o.partition, o -> o.nextOffset)));
    }

    /**
     * Applies a batch of records of one topic. Answers the new stamp when the catalog changed, empty
     * when every event was already known.
     */
    public Optional<CatalogStamp> apply(String topic, List<ConsumerRecord<String, String>> records) {
        List<EntryVersionPublished> events = new ArrayList<>();
        Map<Integer, Long> nextOffsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
            readable(record).ifPresent(events::add);
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean changed = upsertEntries(newestPerEntry(events)) | insertChanges(events);
            saveOffsets(topic, nextOffsets);
            return changed ? Optional.of(CatalogState.bump()) : Optional.empty();
        });
    }

    /** Empties the read model and forgets the offsets, so the next consumer reads the topic from the start. */
    public CatalogStamp truncate() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // TRUNCATE, not a DELETE per row: a rebuild of a large catalog starts at once
            Panache.getEntityManager().createNativeQuery("TRUNCATE entry, entry_change, consumer_offset").executeUpdate();
            return CatalogState.bump();
        });
    }

    /** Only a newer version replaces the stored one: replays and late events change nothing. */
    private static boolean upsertEntries(List<EntryVersionPublished> events) {
        if (events.isEmpty()) {
            return false;
        }
        List<String> ids = events.stream().map(EntryVersionPublished::resourceId).toList();
        Map<String, PublishedEntry> stored = PublishedEntry.<PublishedEntry> list("id in ?1", ids).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        boolean changed = false;
        for (EntryVersionPublished event : events) {
            PublishedEntry entry = stored.get(event.resourceId());
            if (entry == null) {
                PublishedEntry.from(event).persist();
                changed = true;
            } else if (entry.version < event.version()) {
                entry.copy(event);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean insertChanges(List<EntryVersionPublished> events) {
        if (events.isEmpty()) {
            return false;
        }
        Set<String> ids = events.stream().map(EntryVersionPublished::resourceId).collect(Collectors.toSet());
        Set<Integer> versions = events.stream().map(EntryVersionPublished::version).collect(Collectors.toSet());
        Set<ChangeKey> known = PublishedChange.<PublishedChange> list("resourceId in ?1 and version in ?2", ids, versions)
                .stream().map(PublishedChange::key).collect(Collectors.toCollection(HashSet::new));
        boolean changed = false;
        for (EntryVersionPublished event : events) {
            if (known.add(new ChangeKey(event.resourceId(), event.version()))) {
                PublishedChange.from(event).persist();
                changed = true;
            }
        }
        return changed;
    }

    private static void saveOffsets(String topic, Map<Integer, Long> nextOffsets) {
        nextOffsets.forEach((partition, next) -> {
            ConsumedOffset offset = ConsumedOffset.findById(new ConsumedOffset.Key(topic, partition));
            if (offset == null) {
                offset = new ConsumedOffset();
                offset.topic = topic;
                offset.partition = partition;
                offset.persist();
            }
            offset.nextOffset = next;
        });
    }

    private static List<EntryVersionPublished> newestPerEntry(List<EntryVersionPublished> events) {
        Map<String, EntryVersionPublished> newest = new LinkedHashMap<>();
        for (EntryVersionPublished event : events) {
            newest.merge(event.resourceId(), event, (a, b) -> b.version() > a.version() ? b : a);
        }
        return List.copyOf(newest.values());
    }

    /** An event the read model can use; anything else is logged and skipped, so one bad record cannot stall the catalog. */
    private static Optional<EntryVersionPublished> readable(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Optional.empty();
        }
        try {
            EntryVersionPublished event = EventJson.read(record.value(), EntryVersionPublished.class);
            if (event.resourceId() == null || event.resourceId().isBlank() || event.snapshot() == null
                    || event.status() == null || event.version() < 1) {
                throw new IllegalArgumentException("resourceId, version, status and snapshot are required");
            }
            return Optional.of(event);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping unreadable entry event at partition %d offset %d: %s", record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
