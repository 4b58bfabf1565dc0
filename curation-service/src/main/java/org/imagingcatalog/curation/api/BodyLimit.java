package org.imagingcatalog.curation.api;

import org.imagingcatalog.model.Limits;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a declared body over 64 KiB with a message that says so (Quarkus' own limit answers a bare 413).
 * {@code quarkus.http.limits.max-body-size} stays the backstop for bodies without a length.
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before Quarkus' own upload limit ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    private static final int ORDER = -3;

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared <= Limits.REQUEST_BODY_MAX_BYTES) {
            context.next();
            return;
        }
        String detail = "The request body has " + declared + " bytes; at most " + Limits.REQUEST_BODY_MAX_BYTES
                + " bytes (64 KiB) are accepted. Nothing was changed.";
        context.response().setStatusCode(413).putHeader("Connection", "close");
        if (context.request().path().startsWith("/api/")) {
            context.response().putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("type", "about:blank").put("title", "Request body too large")
                            .put("status", 413).put("detail", detail).put("instance", context.request().path()).encode());
        } else {
            // no site layout here: it needs the request scope (the curator's name), which a Vert.x route lacks
            context.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too much text</title>"
                            + "<link rel=\"stylesheet\" href=\"/assets/catalog.css\"></head><body><main><h1>Too much text</h1>"
                            + "<p class=\"notice notice-danger\" role=\"alert\">" + detail
                            + " Shorten the longest fields and send the form again.</p></main></body></html>");
        }
    }
}
