package org.imagingcatalog.model.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A contributor's proposal, as curation receives it. It never carries the contributor's e-mail
 * address: that stays in the submission service.
 *
 * <p>A {@code CORRECTION} carries {@code patch}, a JSON Merge Patch (RFC 7396) naming only the fields it
 * changes; curation applies it to the version current when the curator decides. Events written before
 * patches existed carry the whole corrected resource in {@code proposed} instead, which replaces every
 * field as it always did. {@code revision} counts the contributor's rounds after "request changes":
 * 1 for the first proposal (also when an older event leaves it out), then 2, 3, ...
 */
public record SubmissionReceived(UUID eventId, String type, int schemaVersion, Instant occurredAt,
        UUID submissionId, SubmissionKind kind, String resourceId, Resource proposed, String comment,
        String submitterName, Instant submittedAt, JsonNode patch, Integer revision) implements CatalogEvent {

    public static final String TYPE = "SubmissionReceived";

    public SubmissionReceived {
        revision = revision == null ? 1 : revision;
        patch = patch == null || patch.isNull() ? null : patch; // JSON null reads as a NullNode
    }

    /** A first proposal without a patch: a NEW resource or a WITHDRAWAL. */
    public static SubmissionReceived of(UUID submissionId, SubmissionKind kind, String resourceId, Resource proposed,
            String comment, String submitterName, Instant submittedAt) {
        return of(submissionId, kind, resourceId, proposed, null, comment, submitterName, submittedAt, 1);
    }

    public static SubmissionReceived of(UUID submissionId, SubmissionKind kind, String resourceId, Resource proposed,
            JsonNode patch, String comment, String submitterName, Instant submittedAt, int revision) {
        return new SubmissionReceived(UUID.randomUUID(), TYPE, SCHEMA_VERSION, Instant.now().truncatedTo(ChronoUnit.MICROS),
                submissionId, kind, resourceId, proposed, comment, submitterName, submittedAt, patch, revision);
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
