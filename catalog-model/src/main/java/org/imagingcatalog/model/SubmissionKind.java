package org.imagingcatalog.model;

/** What a contributor asks for. */
public enum SubmissionKind {
    NEW("new resource"), CORRECTION("correction"), WITHDRAWAL("withdrawal");

    private final String label;

    SubmissionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
