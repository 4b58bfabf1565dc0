package org.imagingcatalog.submission.proposals;

import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.validation.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a contributor sent, from the form or the API, after reading but before the rules.
 *
 * @param proposed the resource as read (null when none was sent): a NEW resource, or a correction made in the
 *        form, which sends every field (the rules turn it into a patch of what changed)
 * @param patch a correction's JSON Merge Patch as the API sent it in {@code proposed} (null otherwise)
 * @param inputErrors problems found while reading (unknown fields, unreadable values), already
 *        named with the API's field names ({@code proposed.url}, {@code kind}, ...)
 * @param submitterSubject the OIDC subject of a logged-in contributor, else null
 */
public record SubmissionRequest(
        SubmissionKind kind,
        String resourceId,
        Resource proposed,
        JsonNode patch,
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

    /** A request without a patch: a NEW resource, a form correction, a withdrawal. */
    public SubmissionRequest(SubmissionKind kind, String resourceId, Resource proposed, List<FieldError> inputErrors,
            String comment, String submitterName, String submitterEmail, String submitterSubject) {
        this(kind, resourceId, proposed, null, inputErrors, comment, submitterName, submitterEmail, submitterSubject);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
