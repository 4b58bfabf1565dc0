package org.imagingcatalog.publicweb.cache;

import java.util.function.Supplier;

import org.imagingcatalog.publicweb.readmodel.CatalogStamp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Serves a catalog view with {@code ETag} and {@code Last-Modified}, answers {@code 304} to a client
 * that already holds it, and otherwise sends the cached bytes or renders them once. Once cached, the
 * same bytes are served by {@link CachedResponseFilter} before a request reaches JAX-RS at all.
 */
@ApplicationScoped
public class Responses {

    static final String CACHE_CONTROL = "public, no-cache";

    private final CatalogVersion version;
    private final ResponseCache cache;

    public Responses(CatalogVersion version, ResponseCache cache) {
        this.version = version;
        this.cache = cache;
    }

    /**
     * A request with {@code Cache-Control: no-cache} (a browser's hard reload, a benchmark measuring the
     * database) is rendered afresh instead of answered from the response cache; the fresh answer replaces
     * the cached one.
     */
    static boolean asksForFreshAnswer(String cacheControl) {
        return cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
    }

    public Response serve(UriInfo uri, HttpHeaders headers, String mediaType, Supplier<byte[]> render) {
        CatalogStamp stamp = version.current();
        String key = ResponseCache.key(uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery());
        String etag = Validators.etag(stamp, key);
        String lastModified = Validators.lastModified(stamp);
        if (Validators.notModified(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, stamp)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.LAST_MODIFIED, lastModified).build();
        }
        ResponseCache.Cached cached = asksForFreshAnswer(headers.getHeaderString(HttpHeaders.CACHE_CONTROL)) ? null
                : cache.get(key, stamp.counter());
        byte[] body;
        if (cached != null) {
            body = cached.bytes();
        } else {
            body = render.get();
            cache.put(key, stamp.counter(), mediaType, body, etag, lastModified);
        }
        return Response.ok(body, mediaType)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, lastModified)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }
}
