package org.imagingcatalog.kit.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.validation.FieldError;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem details document. Every service names its problem types the same way:
 * {@code urn:imaging-catalog:problem:<slug>}, so a client can tell "invalid field" from "not found"
 * without reading the title.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "errors" })
@Schema(name = "Problem", description = "RFC 9457 problem details; `errors` names each invalid field.")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    public static final String TYPE_PREFIX = "urn:imaging-catalog:problem:";

    @Schema(name = "InvalidField")
    public record InvalidField(
            @Schema(description = "the field, e.g. proposed.url, kind, resourceId, q, ct") String field,
            String message) {
    }

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private String instance;
    private List<InvalidField> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Problem(String slug, int status, String title, String detail) {
        this.type = TYPE_PREFIX + slug;
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    public static Problem of(String slug, int status, String title, String detail) {
        return new Problem(slug, status, title, detail);
    }

    /** The path the problem occurred at. */
    public Problem at(String path) {
        this.instance = path;
        return this;
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        this.errors = fieldErrors.isEmpty() ? null
                : fieldErrors.stream().map(e -> new InvalidField(e.field(), e.message())).toList();
        return this;
    }

    /** A member of the problem beyond RFC 9457's own, e.g. the current version of a stale edit. */
    public Problem with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public List<InvalidField> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    Map<String, Object> extensions() {
        return extensions;
    }

    /** The document as bytes: written once, whichever body writers the service has. */
    public byte[] toJson() {
        try {
            return EventJson.mapper().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem document", e);
        }
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(MEDIA).entity(toJson());
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }
}
