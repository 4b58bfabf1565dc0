package org.imagingcatalog.publicweb.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.catalog.BadQueryException;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.core.Response;

/** RFC 9457 problem responses of the API and the exports. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response badQuery(BadQueryException e) {
        Map<String, Object> body = problem("/problems/invalid-query", "Invalid query parameter", 400,
                "The query parameter \"" + e.parameter() + "\" " + e.problem() + ".");
        body.put("errors", List.of(Map.of("field", e.parameter(), "message", e.problem())));
        return Response.status(400).type(MEDIA_TYPE).entity(bytes(body)).build();
    }

    public static Response of(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE).entity(bytes(problem("about:blank", title, status, detail))).build();
    }

    public static Response notFound(String detail) {
        return Response.status(404).type(MEDIA_TYPE)
                .entity(bytes(problem("/problems/not-found", "Not found", 404, detail))).build();
    }

    private static byte[] bytes(Map<String, Object> body) {
        try {
            return EventJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }

    private static Map<String, Object> problem(String type, String title, int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        return body;
    }
}
