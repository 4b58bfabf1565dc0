package org.imagingcatalog.publicweb.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rendered responses by path and query, valid for one catalog stamp. The catalog changes rarely and
 * is read often, so a hot page is rendered once per change. Bounded in entries and bytes: past the
 * bound, responses are still served, just not kept.
 */
@ApplicationScoped
public class ResponseCache {

    /**
     * A rendered response with its validators. The body sits once in direct memory, where the network
     * writes from: every request sends a read-only view of it, so serving formats and allocates nothing.
     */
    public record Cached(long counter, String mediaType, Buffer body, String etag, String lastModified) {

        static Cached of(long counter, String mediaType, byte[] bytes, String etag, String lastModified) {
            ByteBuf direct = Unpooled.directBuffer(bytes.length, bytes.length).writeBytes(bytes);
            return new Cached(counter, mediaType, Buffer.buffer(Unpooled.unreleasableBuffer(direct).asReadOnly()),
                    etag, lastModified);
        }

        public byte[] bytes() {
            return body.getBytes();
        }
    }

    private final ConcurrentHashMap<String, Cached> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final int maxEntries;
    private final long maxBytes;

    public ResponseCache(@ConfigProperty(name = "catalog.cache.max-entries", defaultValue = "2000") int maxEntries,
            @ConfigProperty(name = "catalog.cache.max-bytes", defaultValue = "67108864") long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The response rendered for this key at this counter, or null. */
    public Cached get(String key, long counter) {
        Cached cached = entries.get(key);
        return cached != null && cached.counter() == counter ? cached : null;
    }

    public void put(String key, long counter, String mediaType, byte[] body, String etag, String lastModified) {
        if (entries.size() >= maxEntries || bytes.get() + body.length > maxBytes) {
            return;
        }
        Cached previous = entries.put(key, Cached.of(counter, mediaType, body, etag, lastModified));
        bytes.addAndGet(body.length - (previous == null ? 0 : previous.body().length()));
    }

    public void clear() {
        entries.clear();
        bytes.set(0);
    }

    /** The key of a request: its raw path and raw query, exactly as the client sent them. */
    public static String key(String rawPath, String rawQuery) {
        return rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    }
}
