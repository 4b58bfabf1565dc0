package org.imagingcatalog.submission.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;

/** The JSON documents of the submissions API. */
public final class ApiDocuments {

    private ApiDocuments() {
    }

    @Schema(name = "SubmissionRequest", description = "A proposal. Unknown fields are refused.")
    public record SubmissionRequestDocument(
            @Schema(required = true) SubmissionKind kind,
            @Schema(description = "the published resource to correct or withdraw (CORRECTION and WITHDRAWAL only)")
            String resourceId,
            @Schema(description = "the resource's fields: all of them for NEW and CORRECTION (id optional for NEW), none for WITHDRAWAL")
            Resource proposed,
            @Schema(description = "why: required for CORRECTION and WITHDRAWAL") String comment,
            @Schema(description = "optional; the e-mail address is only used to tell you about the decision and never leaves this service")
            Submitter submitter) {
    }

    @Schema(name = "Submitter")
    public record Submitter(String name, String email) {
    }

    @Schema(name = "SubmissionAccepted")
    public record Accepted(UUID id, SubmissionStatus status,
            @Schema(description = "private link to follow the submission; keep it secret") String trackingUrl) {
    }

    @Schema(name = "SubmissionState")
    public record State(UUID id, SubmissionKind kind, String resourceId, SubmissionStatus status,
            @Schema(description = "the curators' message, once they decided") String message,
            Instant submittedAt, Instant decidedAt) {
    }
}
