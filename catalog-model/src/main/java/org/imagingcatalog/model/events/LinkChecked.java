package org.imagingcatalog.model.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.imagingcatalog.model.Topics;

/**
 * The latest check of an entry's landing page, on a compacted topic keyed by resource id: readers keep only
 * the newest per entry. {@code httpStatus} is null when no HTTP answer came (refused, timeout, TLS);
 * {@code movedTo} is the final address of a permanent redirect; {@code detail} says what went wrong or changed.
 */
public record LinkChecked(UUID eventId, String type, int schemaVersion, Instant occurredAt,
        String resourceId, String url, LinkStatus status, Integer httpStatus, Instant checkedAt, String movedTo,
        String detail) implements CatalogEvent {

    public static final String TYPE = "LinkChecked";

    public static LinkChecked of(String resourceId, String url, LinkStatus status, Integer httpStatus,
            Instant checkedAt, String movedTo, String detail) {
        return new LinkChecked(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now().truncatedTo(ChronoUnit.MICROS),
                resourceId, url, status, httpStatus, checkedAt.truncatedTo(ChronoUnit.MICROS), movedTo, detail);
    }

    @Override
    public String key() {
        return resourceId;
    }

    @Override
    public String topic() {
        return Topics.LINK_HEALTH;
    }
}
