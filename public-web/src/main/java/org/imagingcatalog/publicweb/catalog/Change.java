package org.imagingcatalog.publicweb.catalog;

import java.time.Instant;
import java.util.List;

/** One version in the public change log of an entry. */
public record Change(String resourceId, int version, String status, String name, String summary,
        List<String> changedFields, String reason, Instant publishedAt) {
}
