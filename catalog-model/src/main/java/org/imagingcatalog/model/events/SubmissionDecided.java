package org.imagingcatalog.model.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Topics;

/** A curator's decision on a submission, with the message for the contributor. */
public record SubmissionDecided(UUID eventId, String type, int schemaVersion, Instant occurredAt,
        UUID submissionId, DecisionOutcome outcome, String message, String resourceId, Integer resultingVersion,
        Instant decidedAt) implements CatalogEvent {

    public static final String TYPE = "SubmissionDecided";

    public static SubmissionDecided of(UUID submissionId, DecisionOutcome outcome, String message, String resourceId,
            Integer resultingVersion, Instant decidedAt) {
        return new SubmissionDecided(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now().truncatedTo(ChronoUnit.MICROS),
                submissionId, outcome, message, resourceId, resultingVersion, decidedAt);
    }

    @Override
    public String key() {
        return submissionId.toString();
    }

    @Override
    public String topic() {
        return Topics.DECISIONS;
    }
}
