package org.imagingcatalog.model;

/** A curator's decision on a submission. */
public enum DecisionOutcome {
    ACCEPT(SubmissionStatus.ACCEPTED),
    REJECT(SubmissionStatus.REJECTED),
    REQUEST_CHANGES(SubmissionStatus.CHANGES_REQUESTED);

    private final SubmissionStatus resultingStatus;

    DecisionOutcome(SubmissionStatus resultingStatus) {
        this.resultingStatus = resultingStatus;
    }

    public SubmissionStatus resultingStatus() {
        return resultingStatus;
    }
}
