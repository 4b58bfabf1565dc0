package org.imagingcatalog.submission.proposals;

import org.imagingcatalog.model.SubmissionStatus;

/** A revision was sent while the curators had not asked for changes; nothing was stored. */
public class NotRevisableException extends RuntimeException {

    private final transient SubmissionStatus status;

    public NotRevisableException(SubmissionStatus status) {
        super("A submission can be revised only after the curators asked for changes; this one is "
                + status.label() + ".");
        this.status = status;
    }

    public SubmissionStatus status() {
        return status;
    }
}
