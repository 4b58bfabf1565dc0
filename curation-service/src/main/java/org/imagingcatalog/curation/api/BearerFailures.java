package org.imagingcatalog.curation.api;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.buffer.Buffer;
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

    private final ErrorAnswers answers;

    public BearerFailures(ErrorAnswers answers) {
        this.answers = answers;
    }

    void install(@Observes Router router) {
        router.route().failureHandler(this::explain);
    }

    private void explain(RoutingContext context) {
        String path = context.request().path();
        if (!(context.failure() instanceof AuthenticationFailedException) || context.response().headWritten()
                || !answers.forMachines(path)) {
            context.next();
            return;
        }
        byte[] problem = Problem.of("invalid-token", 401, "Authentication failed",
                "The bearer token was not accepted: it is expired, malformed, or not issued by the imaging-catalog realm"
                        + " for curation-service. Get a new token from the realm.").at(path).toJson();
        context.response().setStatusCode(401)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"imaging-catalog\", error=\"invalid_token\"")
                .end(Buffer.buffer(problem));
    }
}
