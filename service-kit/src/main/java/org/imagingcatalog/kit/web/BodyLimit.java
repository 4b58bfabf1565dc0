package org.imagingcatalog.kit.web;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
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
 * without a length. A service may let a few routes take more (a file upload): the paths starting with one of
 * {@code catalog.web.large-body.paths} take up to {@code catalog.web.large-body.max-bytes}; every other route
 * keeps 64 KiB.
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before Quarkus' own upload limit ({@code RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT} = -2). */
    private static final int ORDER = -3;

    private final ErrorAnswers answers;
    private final List<String> largeBodyPaths;
    private final long largeBodyMax;

    public BodyLimit(ErrorAnswers answers,
            @ConfigProperty(name = "catalog.web.large-body.paths") Optional<List<String>> largeBodyPaths,
            @ConfigProperty(name = "catalog.web.large-body.max-bytes", defaultValue = "0") long largeBodyMax) {
        this.answers = answers;
        this.largeBodyPaths = largeBodyPaths.orElse(List.of());
        this.largeBodyMax = largeBodyMax;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        long declared = declaredLength(context.request().getHeader("Content-Length"));
        String path = context.request().path();
        long limit = limitFor(path);
        if (declared <= limit) {
            context.next();
            return;
        }
        String detail = "The request body has " + declared + " bytes; at most " + limit + " bytes (" + readable(limit)
                + ") are accepted" + (limit == Limits.REQUEST_BODY_MAX_BYTES ? "" : " here") + ". Nothing was stored or changed.";
        context.response().setStatusCode(413).putHeader("Connection", "close");
        if (answers.forMachines(path)) {
            context.response().putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(
                            Problem.of("body-too-large", 413, "Request body too large", detail).at(path).toJson()));
            return;
        }
        String message = detail + (limit == Limits.REQUEST_BODY_MAX_BYTES
                ? " Shorten the longest fields (the description above all) and send the form again."
                : " Split the file into smaller ones and send each.");
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

    private long limitFor(String path) {
        if (path != null && largeBodyMax > Limits.REQUEST_BODY_MAX_BYTES
                && largeBodyPaths.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
            return largeBodyMax;
        }
        return Limits.REQUEST_BODY_MAX_BYTES;
    }

    /** 65536 as "64 KiB", 10485760 as "10 MiB". */
    private static String readable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
