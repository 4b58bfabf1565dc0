package org.imagingcatalog.submission.abuse;

import java.time.Clock;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The per-client rate limit on every POST (forms and API), and a clear page for a form whose CSRF
 * token was missing or wrong (the CSRF filter itself answers a bare 400).
 */
@Singleton
public class AbuseFilters {

    /** Why a form without the CSRF token of its session is refused. */
    static final String CSRF_REFUSAL = "This form was sent without a valid security token (it may have been open too"
            + " long, or cookies are blocked). Nothing was stored. Go back, reload the form and send it again.";

    private final RateLimiter limiter;
    private final ErrorAnswers answers;

    public AbuseFilters(@ConfigProperty(name = "catalog.submission.rate-limit.per-minute") int perMinute,
            ErrorAnswers answers) {
        this.limiter = new RateLimiter(perMinute, Clock.systemUTC());
        this.answers = answers;
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> rateLimit(ContainerRequestContext request, HttpServerRequest http) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        RateLimiter.Decision decision = limiter.tryAcquire(client);
        if (decision.allowed()) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getPath();
        String wait = decision.retryAfterSeconds() + " seconds";
        Response.ResponseBuilder refusal = answers.forMachines(path)
                ? Problem.of("rate-limited", 429, "Too many requests",
                        "Too many submissions from your address in the last minute; try again in " + wait + ".")
                        .at(path).toResponseBuilder()
                : answers.page(429, "Too many submissions",
                        "Too many submissions came from your address in the last minute. Please wait " + wait
                                + " and send the form again; what you typed is still in your browser (use Back).");
        return Optional.of(refusal.header(HttpHeaders.RETRY_AFTER, decision.retryAfterSeconds()).build());
    }

    @ServerResponseFilter
    public void explainCsrfRefusal(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())
                && !answers.forMachines(request.getUriInfo().getPath()) && isForm(request)) {
            response.setEntity(answers.pageHtml(400, "Form expired", CSRF_REFUSAL), null, ErrorAnswers.HTML);
        }
    }

    private static boolean isForm(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
