package org.imagingcatalog.submission.proposals;

/** No submission has this tracking token. */
public class UnknownSubmissionException extends RuntimeException {

    public UnknownSubmissionException() {
        super("no submission has this tracking token");
    }
}
