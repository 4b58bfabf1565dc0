package org.imagingcatalog.curation.audit;

import java.time.Instant;

/**
 * Which audit entries to read: by actor (the curator, or "seed"), action, and time ({@code from} inclusive,
 * {@code before} exclusive); null means any.
 */
public record AuditQuery(String actor, String action, Instant from, Instant before) {

    public static AuditQuery any() {
        return new AuditQuery(null, null, null, null);
    }
}
