package org.imagingcatalog.curation.api;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A bearer token that is expired, forged, from another realm or for another audience fails before any
 * resource runs, and Quarkus answers it with a bare 401. On the API it gets the problem+json every
 * other refusal there gets.
 */
@ApplicationScoped
public class BearerFailures {

    void install(@Observes Router router) {
        router.route("/api/*").failureHandler(this::explain);
    }

    private void explain(RoutingContext context) {
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().headWritten()) {
            context.next();
            return;
        }
        context.response().setStatusCode(401)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("WWW-Authenticate", "Bearer realm=\"imaging-catalog\", error=\"invalid_token\"")
                .end(new JsonObject()
                        .put("type", "about:blank")
                        .put("title", "Authentication failed")
                        .put("status", 401)
                        .put("detail", "The bearer token was not accepted: it is expired, malformed, or not issued by the"
                                + " imaging-catalog realm for curation-service. Get a new token from the realm.")
                        .put("instance", context.request().path())
                        .encode());
    }
}
