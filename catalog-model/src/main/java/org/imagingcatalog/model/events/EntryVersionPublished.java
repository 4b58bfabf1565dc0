package org.imagingcatalog.model.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;

/**
 * A new curated version of a catalog entry: the full snapshot, so the compacted topic alone can
 * rebuild the published catalog.
 */
public record EntryVersionPublished(UUID eventId, String type, int schemaVersion, Instant occurredAt,
        String resourceId, int version, ResourceStatus status, Resource snapshot, List<String> changedFields,
        String summary, String reason, UUID sourceSubmissionId, Instant versionCreatedAt) implements CatalogEvent {

    public static final String TYPE = "EntryVersionPublished";

    public EntryVersionPublished {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }

    public static EntryVersionPublished of(String resourceId, int version, ResourceStatus status, Resource snapshot,
            List<String> changedFields, String summary, String reason, UUID sourceSubmissionId,
            Instant versionCreatedAt) {
        return new EntryVersionPublished(UUID.randomUUID(), TYPE, SCHEMA_VERSION,
                Instant.now().truncatedTo(ChronoUnit.MICROS), resourceId, version, status,
                snapshot.withId(resourceId).withVersion(version, status), changedFields, summary, reason,
                sourceSubmissionId, versionCreatedAt);
    }

    @Override
    public String key() {
        return resourceId;
    }

    @Override
    public String topic() {
        return Topics.ENTRIES;
    }
}
