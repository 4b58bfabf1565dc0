package org.imagingcatalog.publicweb.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
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

    private final DataSource dataSource;
    private final int maintainAfterEvents;
    private final AtomicLong changedSinceMaintenance = new AtomicLong();

    public ReadModelStore(DataSource dataSource,
            @ConfigProperty(name = "catalog.readmodel.maintain-after-events", defaultValue = "10000") int maintainAfterEvents) {
        this.dataSource = dataSource;
        this.maintainAfterEvents = maintainAfterEvents;
    }

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
        return BatchApplication.apply(records, (batch, withEvents) -> applyTogether(topic, batch, withEvents),
                "entry event");
    }

    /** The records' offsets, and their events when {@code withEvents}, in one transaction. */
    private Optional<CatalogStamp> applyTogether(String topic, List<ConsumerRecord<String, String>> records,
            boolean withEvents) {
        List<EntryVersionPublished> events = new ArrayList<>();
        Map<Integer, Long> nextOffsets = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
            if (withEvents) {
                readable(record).ifPresent(events::add);
            }
        }
        Optional<CatalogStamp> stamp = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, PublishedEntry> stored = storedEntries(events);
            boolean changed = insertChanges(events, stored.keySet()) | upsertEntries(newestPerEntry(events), stored);
            ConsumedOffset.store(topic, nextOffsets);
            return changed ? Optional.of(CatalogState.bump()) : Optional.<CatalogStamp> empty();
        });
        if (stamp.isPresent()) {
            changedSinceMaintenance.addAndGet(events.size());
        }
        return stamp;
    }

    /**
     * After many changes (a rebuild, a bulk import), refreshes PostgreSQL's statistics and visibility map at
     * once instead of waiting for autovacuum: until then the planner misjudges how many rows a search word or
     * a filter matches, and counts cannot be answered from the index alone. Called by the consumer when it
     * has caught up; answers whether it ran.
     */
    public boolean maintainIfDue() {
        if (changedSinceMaintenance.get() < maintainAfterEvents) {
            return false;
        }
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // VACUUM cannot run in a transaction: this connection is outside any, in auto-commit
            statement.execute("VACUUM (ANALYZE) entry, entry_change");
            LOG.infof("read model maintained after %d changed events: VACUUM (ANALYZE) in %d ms",
                    changedSinceMaintenance.getAndSet(0), (System.nanoTime() - start) / 1_000_000);
            return true;
        } catch (SQLException e) {
            LOG.warnf("VACUUM (ANALYZE) of the read model failed, autovacuum will do it later: %s", e.getMessage());
            changedSinceMaintenance.set(0);
            return false;
        }
    }

    /**
     * Empties the read model of the entries and forgets the topic's offsets, so the next consumer reads the topic from
     * the start. The link checks and the releases keep their rows and their offsets (V6, V7).
     */
    public CatalogStamp truncate(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // TRUNCATE, not a DELETE per row: a rebuild of a large catalog starts at once
            Panache.getEntityManager().createNativeQuery("TRUNCATE entry, entry_change").executeUpdate();
            Panache.getEntityManager().createNativeQuery("DELETE FROM consumer_offset WHERE topic = ?1")
                    .setParameter(1, topic).executeUpdate();
            return CatalogState.bump();
        });
    }

    /** Everything the read model holds, as stable text: a rebuild must give the same. */
    @SuppressWarnings("unchecked")
    public List<String> dump() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>(Panache.getEntityManager().createNativeQuery(
                    "SELECT id || '|' || version || '|' || status || '|' || coalesce(reason, '') || '|' || updated_at"
                            + " || '|' || reference_standard || '|' || population || '|' || image_source || '|'"
                            + " || coalesce(participants_risk, '') || '|' || resource_json FROM entry ORDER BY id")
                    .getResultList());
            rows.addAll(Panache.getEntityManager().createNativeQuery(
                    "SELECT resource_id || '|' || version || '|' || status || '|' || coalesce(summary, '')"
                            + " || '|' || changed_fields || '|' || coalesce(reason, '') || '|' || published_at"
                            + " FROM entry_change ORDER BY resource_id, version").getResultList());
            return rows;
        });
    }

    private static Map<String, PublishedEntry> storedEntries(List<EntryVersionPublished> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        Set<String> ids = events.stream().map(EntryVersionPublished::resourceId).collect(Collectors.toSet());
        return PublishedEntry.<PublishedEntry> list("id in ?1", ids).stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
    }

    /** Only a newer version replaces the stored one: replays and late events change nothing. */
    private static boolean upsertEntries(List<EntryVersionPublished> events, Map<String, PublishedEntry> stored) {
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

    /**
     * Appends each version once. An entry and its change log are written and emptied together, so only
     * entries already stored can have logged versions: a new entry (every one, in a rebuild) needs no lookup.
     */
    private static boolean insertChanges(List<EntryVersionPublished> events, Set<String> storedIds) {
        Set<ChangeKey> known = new HashSet<>();
        if (!storedIds.isEmpty()) {
            Set<Integer> versions = events.stream().filter(e -> storedIds.contains(e.resourceId()))
                    .map(EntryVersionPublished::version).collect(Collectors.toSet());
            PublishedChange.<PublishedChange> list("resourceId in ?1 and version in ?2", storedIds, versions)
                    .forEach(change -> known.add(change.key()));
        }
        boolean changed = false;
        for (EntryVersionPublished event : events) {
            if (known.add(new ChangeKey(event.resourceId(), event.version()))) {
                PublishedChange.from(event).persist();
                changed = true;
            }
        }
        return changed;
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
