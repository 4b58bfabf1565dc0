package org.imagingcatalog.model;

/** Where a submission stands, as its contributor sees it. */
public enum SubmissionStatus {
    RECEIVED("received, waiting for a curator"),
    IN_REVIEW("in review"),
    ACCEPTED("accepted"),
    REJECTED("not accepted"),
    CHANGES_REQUESTED("changes requested");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
