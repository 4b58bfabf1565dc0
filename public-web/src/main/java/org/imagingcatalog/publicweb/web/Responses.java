package org.imagingcatalog.publicweb.web;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Serves a catalog view with {@code ETag} and {@code Last-Modified}, answers {@code 304} to a client
 * that already holds it, and otherwise sends the cached bytes or renders them once.
 */
@ApplicationScoped
public class Responses {

    private final CatalogVersion version;
    private final ResponseCache cache;

    public Responses(CatalogVersion version, ResponseCache cache) {
        this.version = version;
        this.cache = cache;
    }

    public Response serve(UriInfo uri, HttpHeaders headers, String mediaType, Supplier<byte[]> render) {
        CatalogStamp stamp = version.current();
        String query = uri.getRequestUri().getRawQuery();
        String key = uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
        String etag = "\"" + stamp.counter() + "-" + Integer.toHexString(key.hashCode()) + "\"";
        String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(stamp.lastModified().atZone(ZoneOffset.UTC));
        if (notModified(headers, etag, stamp)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.LAST_MODIFIED, lastModified).build();
        }
        byte[] body = cache.get(key, stamp.counter());
        if (body == null) {
            body = render.get();
            cache.put(key, stamp.counter(), body);
        }
        return Response.ok(body, mediaType)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, lastModified)
                .header(HttpHeaders.CACHE_CONTROL, "public, no-cache")
                .build();
    }

    private static boolean notModified(HttpHeaders headers, String etag, CatalogStamp stamp) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                ZonedDateTime since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return !stamp.lastModified().isAfter(since.toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
