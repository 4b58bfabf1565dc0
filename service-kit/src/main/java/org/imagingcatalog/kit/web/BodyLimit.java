package org.imagingcatalog.kit.web;

import org.imagingcatalog.model.Limits;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a declared body over 64 KiB with a message that says so, before anything reads it (Quarkus'
 * own limit answers a bare 413). {@code quarkus.http.limits.max-body-size} stays the backstop for bodies
 * without a length.
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before Quarkus' own upload limit ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    private static final int ORDER = -3;

    private final ErrorAnswers answers;

    public BodyLimit(ErrorAnswers answers) {
        this.answers = answers;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader("Content-Length"));
        if (declared <= Limits.REQUEST_BODY_MAX_BYTES) {
            context.next();
            return;
        }
        String path = context.request().path();
        String detail = "The request body has " + declared + " bytes; at most " + Limits.REQUEST_BODY_MAX_BYTES
                + " bytes (64 KiB) are accepted. Nothing was stored or changed.";
        context.response().setStatusCode(413).putHeader("Connection", "close");
        if (answers.forMachines(path)) {
            context.response().putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(
                            Problem.of("body-too-large", 413, "Request body too large", detail).at(path).toJson()));
            return;
        }
        String message = detail + " Shorten the longest fields (the description above all) and send the form again.";
        // the page's layout may ask who is logged in: render it on a worker thread, in a request scope of its own
        context.vertx().<String>executeBlocking(() -> renderInRequestScope(message), false)
                .onComplete(page -> context.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                        .end(page.succeeded() ? page.result() : message));
    }

    private String renderInRequestScope(String message) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return answers.pageHtml(413, "Too much text", message);
        } finally {
            requestContext.terminate();
        }
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
