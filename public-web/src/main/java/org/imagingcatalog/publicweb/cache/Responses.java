package org.imagingcatalog.publicweb.cache;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** Locks by export key: one rendering of an export at a time, without a lock object per query ever asked. */
    private static final Object[] RENDERING = new Object[64];

    static {
        for (int i = 0; i < RENDERING.length; i++) {
            RENDERING[i] = new Object();
        }
    }

    private final CatalogVersion version;
    private final ResponseCache cache;
    private final ExportFiles files;
    private final long inMemoryMax;

    public Responses(CatalogVersion version, ResponseCache cache, ExportFiles files,
            @ConfigProperty(name = "catalog.cache.max-entry-bytes", defaultValue = "2097152") long inMemoryMax) {
        this.version = version;
        this.cache = cache;
        this.files = files;
        this.inMemoryMax = inMemoryMax;
    }

    /**
     * A request with {@code Cache-Control: no-cache} (a browser's hard reload, a benchmark measuring the
     * database) is rendered afresh instead of answered from the response cache; the fresh answer replaces
     * the cached one.
     */
    static boolean asksForFreshAnswer(String cacheControl) {
        return cacheControl != null && cacheControl.toLowerCase(java.util.Locale.ROOT).contains("no-cache");
    }

    /** Writes a response's bytes as it renders them. */
    @FunctionalInterface
    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Serves an export that may be large: rendered once per catalog stamp, as it is written, into a file; a small one
     * is then kept in the response cache like any page, a large one on disk ({@link ExportFiles}), and sent from
     * there, so no export is ever held whole in memory. One rendering per export at a time: the requests that arrive
     * meanwhile wait for it and send its file.
     */
    public Response serveExport(UriInfo uri, HttpHeaders headers, String mediaType, BodyWriter render) {
        Validated v = validated(uri);
        if (v.notModified(headers)) {
            return v.notModified();
        }
        CatalogStamp stamp = v.stamp();
        String key = v.key();
        String etag = v.etag();
        String lastModified = v.lastModified();
        boolean fresh = asksForFreshAnswer(headers.getHeaderString(HttpHeaders.CACHE_CONTROL));
        synchronized (RENDERING[Math.floorMod(key.hashCode(), RENDERING.length)]) {
            ResponseCache.Cached cached = fresh ? null : cache.get(key, stamp.counter());
            if (cached != null) {
                return ok(cached.bytes(), mediaType, etag, lastModified);
            }
            ExportFiles.Stored stored = fresh ? null : files.get(key, stamp.counter());
            if (stored != null) {
                return ok(stored.file(), mediaType, etag, lastModified);
            }
            Path file = files.newFile();
            try {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    render.write(out);
                }
                if (Files.size(file) <= inMemoryMax) {
                    byte[] body = Files.readAllBytes(file);
                    files.discard(file);
                    cache.put(key, stamp.counter(), mediaType, body, etag, lastModified);
                    return ok(body, mediaType, etag, lastModified);
                }
            } catch (IOException | RuntimeException e) {
                files.discard(file);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            return ok(files.keep(key, stamp.counter(), mediaType, file, etag, lastModified).file(), mediaType, etag,
                    lastModified);
        }
    }

    private static Response ok(Object body, String mediaType, String etag, String lastModified) {
        return Response.ok(body, mediaType)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, lastModified)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    public Response serve(UriInfo uri, HttpHeaders headers, String mediaType, Supplier<byte[]> render) {
        Validated v = validated(uri);
        if (v.notModified(headers)) {
            return v.notModified();
        }
        ResponseCache.Cached cached = asksForFreshAnswer(headers.getHeaderString(HttpHeaders.CACHE_CONTROL)) ? null
                : cache.get(v.key(), v.stamp().counter());
        byte[] body;
        if (cached != null) {
            body = cached.bytes();
        } else {
            body = render.get();
            cache.put(v.key(), v.stamp().counter(), mediaType, body, v.etag(), v.lastModified());
        }
        return ok(body, mediaType, v.etag(), v.lastModified());
    }

    /** A request's cache key and the validators of the catalog stamp it is answered at. */
    private record Validated(CatalogStamp stamp, String key, String etag, String lastModified) {

        boolean notModified(HttpHeaders headers) {
            return Validators.notModified(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                    headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, stamp);
        }

        Response notModified() {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.LAST_MODIFIED, lastModified)
                    .build();
        }
    }

    private Validated validated(UriInfo uri) {
        CatalogStamp stamp = version.current();
        String key = ResponseCache.key(uri.getRequestUri().getRawPath(), uri.getRequestUri().getRawQuery());
        return new Validated(stamp, key, Validators.etag(stamp, key), Validators.lastModified(stamp));
    }
}
