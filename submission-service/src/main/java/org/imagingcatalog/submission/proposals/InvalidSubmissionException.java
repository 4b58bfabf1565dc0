package org.imagingcatalog.submission.proposals;

import java.util.List;

import org.imagingcatalog.model.validation.FieldError;

/** The submission broke at least one rule; nothing was stored. */
public class InvalidSubmissionException extends RuntimeException {

    private final transient List<FieldError> errors;

    public InvalidSubmissionException(List<FieldError> errors) {
        super("the submission has " + errors.size() + " invalid field(s)");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
