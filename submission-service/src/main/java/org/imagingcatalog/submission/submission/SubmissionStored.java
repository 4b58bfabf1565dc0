package org.imagingcatalog.submission.submission;

import java.util.UUID;

/** Fired inside the storing transaction; observers after commit know an outbox row waits. */
public record SubmissionStored(UUID submissionId) {
}
