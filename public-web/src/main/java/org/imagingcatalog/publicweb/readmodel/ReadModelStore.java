package org.imagingcatalog.publicweb.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.web.CatalogStamp;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes entry events into the read model. One batch of records is one transaction: the entries, the
 * change log, the consumed offsets and the catalog's change counter commit together, so a crash or a
 * replay can neither lose nor double anything.
 */
@ApplicationScoped
public class ReadModelStore {

    private static final Logger LOG = Logger.getLogger(ReadModelStore.class);

    // only a newer version replaces the stored one: replays and late events change nothing
    private static final String UPSERT_ENTRY = """
            INSERT INTO entry (id, version, status, name, provider, description, tags, license, access,
                               ct, xray, mri, ultrasound, metadata, case_review, reason, updated_at, resource_json)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
                name = EXCLUDED.name, provider = EXCLUDED.provider, description = EXCLUDED.description,
                tags = EXCLUDED.tags, license = EXCLUDED.license, access = EXCLUDED.access, ct = EXCLUDED.ct,
                xray = EXCLUDED.xray, mri = EXCLUDED.mri, ultrasound = EXCLUDED.ultrasound,
                metadata = EXCLUDED.metadata, case_review = EXCLUDED.case_review, reason = EXCLUDED.reason,
                updated_at = EXCLUDED.updated_at, resource_json = EXCLUDED.resource_json
            WHERE entry.version < EXCLUDED.version""";

    private static final String INSERT_CHANGE = """
            INSERT INTO entry_change (resource_id, version, status, name, summary, changed_fields, reason, published_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (resource_id, version) DO NOTHING""";

    private static final String SAVE_OFFSET = """
            INSERT INTO consumer_offset (topic, partition, next_offset) VALUES (?, ?, ?)
            ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset""";

    private static final String BUMP_COUNTER = """
            UPDATE catalog_state SET change_counter = change_counter + 1, last_modified = now()
            WHERE id = 1 RETURNING change_counter, last_modified""";

    private final DataSource dataSource;

    public ReadModelStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The next offset to read per partition of the topic; a partition never read is absent. */
    public Map<Integer, Long> offsets(String topic) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT partition, next_offset FROM consumer_offset WHERE topic = ?")) {
            statement.setString(1, topic);
            Map<Integer, Long> offsets = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    offsets.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return offsets;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the consumed offsets", e);
        }
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
        return QuarkusTransaction.requiringNew().call(() -> write(topic, events, nextOffsets));
    }

    /** Empties the read model and forgets the offsets, so the next consumer reads the topic from the start. */
    public CatalogStamp truncate() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE entry, entry_change, consumer_offset");
                return bump(connection);
            }
        });
    }

    private Optional<CatalogStamp> write(String topic, List<EntryVersionPublished> events,
            Map<Integer, Long> nextOffsets) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean changed = upsertEntries(connection, newestPerEntry(events)) | insertChanges(connection, events);
            try (PreparedStatement statement = connection.prepareStatement(SAVE_OFFSET)) {
                for (Map.Entry<Integer, Long> offset : nextOffsets.entrySet()) {
                    statement.setString(1, topic);
                    statement.setInt(2, offset.getKey());
                    statement.setLong(3, offset.getValue());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return changed ? Optional.of(bump(connection)) : Optional.empty();
        }
    }

    private static List<EntryVersionPublished> newestPerEntry(List<EntryVersionPublished> events) {
        Map<String, EntryVersionPublished> newest = new LinkedHashMap<>();
        for (EntryVersionPublished event : events) {
            newest.merge(event.resourceId(), event, (a, b) -> b.version() > a.version() ? b : a);
        }
        return List.copyOf(newest.values());
    }

    private static boolean upsertEntries(Connection connection, List<EntryVersionPublished> events)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_ENTRY)) {
            for (EntryVersionPublished event : events) {
                Resource r = event.snapshot().withId(event.resourceId()).withVersion(event.version(), event.status());
                int i = 1;
                statement.setString(i++, r.id());
                statement.setInt(i++, r.version());
                statement.setString(i++, r.status().name());
                statement.setString(i++, r.name() == null ? r.id() : r.name());
                statement.setString(i++, r.provider());
                statement.setString(i++, r.description());
                statement.setString(i++, String.join(" ", r.tags()));
                statement.setString(i++, r.license());
                statement.setString(i++, r.access().name());
                statement.setString(i++, r.modalities().ct().code());
                statement.setString(i++, r.modalities().xray().code());
                statement.setString(i++, r.modalities().mri().code());
                statement.setString(i++, r.modalities().ultrasound().code());
                statement.setString(i++, r.metadata().code());
                statement.setString(i++, r.caseReview().code());
                statement.setString(i++, event.reason());
                statement.setTimestamp(i++, Timestamp.from(publishedAt(event)));
                statement.setString(i, json(r));
                statement.addBatch();
            }
            return changedAny(statement.executeBatch());
        }
    }

    private static boolean insertChanges(Connection connection, List<EntryVersionPublished> events)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_CHANGE)) {
            for (EntryVersionPublished event : events) {
                int i = 1;
                statement.setString(i++, event.resourceId());
                statement.setInt(i++, event.version());
                statement.setString(i++, event.status().name());
                String name = event.snapshot().name();
                statement.setString(i++, name == null ? event.resourceId() : name);
                statement.setString(i++, event.summary());
                statement.setString(i++, json(event.changedFields()));
                statement.setString(i++, event.reason());
                statement.setTimestamp(i, Timestamp.from(publishedAt(event)));
                statement.addBatch();
            }
            return changedAny(statement.executeBatch());
        }
    }

    private static boolean changedAny(int[] counts) {
        for (int count : counts) {
            if (count != 0) {
                return true;
            }
        }
        return false;
    }

    private static CatalogStamp bump(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(BUMP_COUNTER)) {
            rs.next();
            return new CatalogStamp(rs.getLong(1), rs.getTimestamp(2).toInstant());
        }
    }

    private static Instant publishedAt(EntryVersionPublished event) {
        return event.versionCreatedAt() != null ? event.versionCreatedAt() : event.occurredAt();
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

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
