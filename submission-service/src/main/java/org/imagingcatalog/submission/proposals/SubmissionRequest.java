package org.imagingcatalog.submission.proposals;

import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.validation.FieldError;

/**
 * What a contributor sent, from the form or the API, after reading but before the rules.
 *
 * @param proposed the resource as read (null when none was sent)
 * @param inputErrors problems found while reading (unknown fields, unreadable values), already
 *        named with the API's field names ({@code proposed.url}, {@code kind}, ...)
 * @param submitterSubject the OIDC subject of a logged-in contributor, else null
 */
public record SubmissionRequest(
        SubmissionKind kind,
        String resourceId,
        Resource proposed,
        List<FieldError> inputErrors,
        String comment,
        String submitterName,
        String submitterEmail,
        String submitterSubject) {

    public SubmissionRequest {
        inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        resourceId = blankToNull(resourceId);
        comment = blankToNull(comment);
        submitterName = blankToNull(submitterName);
        submitterEmail = blankToNull(submitterEmail);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
