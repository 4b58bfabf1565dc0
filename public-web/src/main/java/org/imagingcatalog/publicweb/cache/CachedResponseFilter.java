package org.imagingcatalog.publicweb.cache;

import java.util.concurrent.atomic.LongAdder;

import org.imagingcatalog.publicweb.readmodel.CatalogStamp;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a GET whose response is already cached for the current catalog stamp (in memory, or a large export on
 * disk) straight from the event loop: no worker thread, no JAX-RS, no database. Everything else (a first request, any other method, a
 * miss, an {@code Accept} header that does not plainly take the cached type) goes on to JAX-RS, which
 * negotiates, renders and caches through {@link Responses}. Both send the same bytes and the same
 * validators; the configured security headers are added to both by Quarkus.
 */
@ApplicationScoped
public class CachedResponseFilter {

    /** Low: after Quarkus's own filters (headers, CORS), before any route. */
    private static final int PRIORITY = 1;

    private final CatalogVersion version;
    private final ResponseCache cache;
    private final ExportFiles files;
    private final LongAdder served = new LongAdder();

    public CachedResponseFilter(CatalogVersion version, ResponseCache cache, ExportFiles files) {
        this.version = version;
        this.cache = cache;
        this.files = files;
    }

    void register(@Observes Filters filters) {
        filters.register(this::serveCached, PRIORITY);
    }

    /** How many requests were answered from the cache without reaching JAX-RS. */
    public long served() {
        return served.sum();
    }

    private void serveCached(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.GET || Responses.asksForFreshAnswer(request.getHeader(HttpHeaders.CACHE_CONTROL))) {
            context.next();
            return;
        }
        CatalogStamp stamp = version.current();
        String key = ResponseCache.key(request.path(), request.query());
        ResponseCache.Cached cached = cache.get(key, stamp.counter());
        ExportFiles.Stored stored = cached == null ? files.get(key, stamp.counter()) : null;
        String mediaType = cached != null ? cached.mediaType() : stored != null ? stored.mediaType() : null;
        if (mediaType == null || !AcceptHeader.allows(request.getHeader(HttpHeaders.ACCEPT), mediaType)) {
            context.next();
            return;
        }
        String etag = cached != null ? cached.etag() : stored.etag();
        HttpServerResponse response = context.response()
                .putHeader(HttpHeaders.ETAG, etag)
                .putHeader(HttpHeaders.LAST_MODIFIED, cached != null ? cached.lastModified() : stored.lastModified());
        served.increment();
        if (Validators.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), etag, stamp)) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CACHE_CONTROL, Responses.CACHE_CONTROL)
                .putHeader(HttpHeaders.CONTENT_TYPE, mediaType);
        if (cached != null) {
            response.end(cached.body());
        } else {
            // a large export as a web server sends a static file: the kernel copies it, nothing is read into the heap
            response.sendFile(stored.file().toString());
        }
    }
}
