package org.imagingcatalog.model.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.imagingcatalog.model.Topics;

/**
 * One part of a named release of the catalog: the release's name, notes, cut time and size in every part, and some of
 * the versions it froze (listed and withdrawn entries alike), each with its snapshot, publication time and reason. A reader holds the release once
 * the parts it received hold {@code entryCount} entries. The parts carry the snapshots, not only version numbers,
 * because the entries topic is compacted: a version a release froze may long have been compacted away there.
 * Keyed {@code name/part}, so compaction keeps every part of every release.
 */
public record ReleasePublished(UUID eventId, String type, int schemaVersion, Instant occurredAt,
        String release, String notes, Instant cutAt, String previous, int entryCount, int part,
        List<ReleasedVersion> entries) implements CatalogEvent {

    public static final String TYPE = "ReleasePublished";

    public ReleasePublished {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static ReleasePublished of(String release, String notes, Instant cutAt, String previous, int entryCount,
            int part, List<ReleasedVersion> entries) {
        return new ReleasePublished(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now().truncatedTo(ChronoUnit.MICROS),
                release, notes, cutAt, previous, entryCount, part, entries);
    }

    public static String key(String release, int part) {
        return release + "/" + part;
    }

    @Override
    public String key() {
        return key(release, part);
    }

    @Override
    public String topic() {
        return Topics.RELEASES;
    }
}
