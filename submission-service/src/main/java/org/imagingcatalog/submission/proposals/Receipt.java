package org.imagingcatalog.submission.proposals;

import java.util.UUID;

/** A stored submission (or revision), its round, and the private token that tracks it (only its holder knows it). */
public record Receipt(UUID id, String trackingToken, int revision) {
}
