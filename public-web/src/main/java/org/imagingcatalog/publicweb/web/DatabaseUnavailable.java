package org.imagingcatalog.publicweb.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.model.database.DatabaseOutage;
import org.imagingcatalog.model.events.EventJson;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * While the database cannot be reached, a request that needs it answers 503 with Retry-After and a
 * clear message (problem+json on the API, the exports and the feed; a page elsewhere), never an
 * internal error. Pages already in the response cache are still served. Any other failure of these
 * kinds stays a 500 that shows only an error id; the log holds the rest.
 */
public class DatabaseUnavailable {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(String title, String message);
    }

    @ServerExceptionMapper({ PersistenceException.class, IllegalStateException.class, QuarkusTransactionException.class })
    public Response map(RuntimeException e, UriInfo uri) {
        if (DatabaseOutage.explains(e)) {
            LOG.warnf("%s answered 503: the database cannot be reached (%s)", uri.getPath(), e.getClass().getSimpleName());
            return answer(uri, 503, "Temporarily unavailable",
                    "The catalog cannot reach its database right now. Please try again in a minute.")
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "%s failed, error id %s", uri.getPath(), id);
        return answer(uri, 500, "Something went wrong", "The request failed on our side (error id " + id + ").").build();
    }

    private static Response.ResponseBuilder answer(UriInfo uri, int status, String title, String detail) {
        String path = uri.getPath();
        if (path.startsWith("/api/") || path.startsWith("/export/") || path.startsWith("/feed")) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
            try {
                return Response.status(status).type("application/problem+json")
                        .entity(EventJson.mapper().writeValueAsBytes(body));
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return Response.status(status).type("text/html; charset=UTF-8")
                .entity(Templates.page(title, detail).render().getBytes(StandardCharsets.UTF_8));
    }
}
