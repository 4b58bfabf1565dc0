package org.imagingcatalog.model.events;

import java.time.Instant;

import org.imagingcatalog.model.Resource;

/**
 * One version a release froze: its snapshot (id, version and status set), when it was published and why, so a reader
 * shows the release's entries as they were published (the exports' "updated", a withdrawal's reason) without the
 * entries topic, which may long have compacted that version away.
 */
public record ReleasedVersion(Resource snapshot, Instant versionCreatedAt, String reason) {
}
