package org.imagingcatalog.submission.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagingcatalog.model.validation.FieldError;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem details document. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details; `errors` names each invalid field.")
public record Problem(String type, String title, int status, String detail, List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "InvalidField")
    public record InvalidField(
            @Schema(description = "the field, e.g. proposed.url, kind, resourceId, comment, submitter.email") String field,
            String message) {
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem("urn:imaging-catalog:problem:" + slug, title, status, detail, null);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem("urn:imaging-catalog:problem:invalid-submission", "Invalid submission", 400,
                errors.size() == 1 ? "One field is invalid; nothing was stored."
                        : errors.size() + " fields are invalid; nothing was stored.",
                errors.stream().map(e -> new InvalidField(e.field(), e.message())).toList());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
