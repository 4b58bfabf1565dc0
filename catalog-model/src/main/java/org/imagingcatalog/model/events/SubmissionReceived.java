package org.imagingcatalog.model.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;

/**
 * A contributor's proposal, as curation receives it. It never carries the contributor's e-mail
 * address: that stays in the submission service.
 */
public record SubmissionReceived(UUID eventId, String type, int schemaVersion, Instant occurredAt,
        UUID submissionId, SubmissionKind kind, String resourceId, Resource proposed, String comment,
        String submitterName, Instant submittedAt) implements CatalogEvent {

    public static final String TYPE = "SubmissionReceived";

    public static SubmissionReceived of(UUID submissionId, SubmissionKind kind, String resourceId, Resource proposed,
            String comment, String submitterName, Instant submittedAt) {
        return new SubmissionReceived(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now().truncatedTo(ChronoUnit.MICROS),
                submissionId, kind, resourceId, proposed, comment, submitterName, submittedAt);
    }

    @Override
    public String key() {
        return submissionId.toString();
    }

    @Override
    public String topic() {
        return Topics.SUBMISSIONS;
    }
}
