package org.imagingcatalog.publicweb.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Exports too large to keep in memory, rendered once per catalog stamp into a file and sent from it, as a web server
 * sends a static file: the whole 100,000-entry catalog as CSV or DCAT costs disk, not heap, and every later request
 * for it is a file copy the kernel makes. Files of an older stamp leave the map at once and the disk a little later
 * (a request may still be sending one). The files live in a directory of this process, removed when it stops.
 */
@ApplicationScoped
public class ExportFiles {

    private static final Logger LOG = Logger.getLogger(ExportFiles.class);
    /** How long a replaced file stays on disk for the requests still sending it. */
    private static final long GRACE_NANOS = 60_000_000_000L;

    /** A rendered export on disk, valid for one catalog stamp. */
    public record Stored(long counter, String mediaType, Path file, long size, String etag, String lastModified) {
    }

    private record Replaced(Path file, long since) {
    }

    private final ConcurrentHashMap<String, Stored> entries = new ConcurrentHashMap<>();
    private final Deque<Replaced> replaced = new ArrayDeque<>();
    private final Path parent;
    private final int maxFiles;
    private volatile Path directory;

    public ExportFiles(@ConfigProperty(name = "catalog.cache.export-dir") java.util.Optional<Path> parent,
            @ConfigProperty(name = "catalog.cache.max-export-files", defaultValue = "64") int maxFiles) {
        this.parent = parent.orElse(Path.of(System.getProperty("java.io.tmpdir")));
        this.maxFiles = maxFiles;
    }

    /** The export stored for this key at this stamp, or null. */
    public Stored get(String key, long counter) {
        Stored stored = entries.get(key);
        return stored != null && stored.counter() == counter ? stored : null;
    }

    /** A new empty file to render into; {@link #keep} or {@link #discard} it. */
    public Path newFile() {
        try {
            return Files.createTempFile(directory(), "render-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for an export in " + directory(), e);
        }
    }

    /** Keeps a rendered file for this key and stamp (when there is room), replacing what the key held. */
    public Stored keep(String key, long counter, String mediaType, Path rendered, String etag, String lastModified) {
        forgetOlderThan(counter);
        try {
            long size = Files.size(rendered);
            if (entries.size() >= maxFiles && !entries.containsKey(key)) {
                retire(rendered); // no room: sent this once, then deleted
                return new Stored(counter, mediaType, rendered, size, etag, lastModified);
            }
            Path file = Files.move(rendered, directory().resolve(Integer.toHexString(key.hashCode()) + "-" + counter
                    + "-" + System.nanoTime() + ".out"), StandardCopyOption.ATOMIC_MOVE);
            Stored stored = new Stored(counter, mediaType, file, size, etag, lastModified);
            Stored previous = entries.put(key, stored);
            if (previous != null) {
                retire(previous.file());
            }
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a rendered export", e);
        }
    }

    public void discard(Path rendered) {
        try {
            Files.deleteIfExists(rendered);
        } catch (IOException e) {
            LOG.warnf("cannot delete %s: %s", rendered, e);
        }
    }

    private void forgetOlderThan(long counter) {
        entries.forEach((key, stored) -> {
            if (stored.counter() < counter && entries.remove(key, stored)) {
                retire(stored.file());
            }
        });
        synchronized (replaced) {
            long now = System.nanoTime();
            while (!replaced.isEmpty() && now - replaced.peekFirst().since() > GRACE_NANOS) {
                discard(replaced.pollFirst().file());
            }
        }
    }

    private void retire(Path file) {
        synchronized (replaced) {
            replaced.addLast(new Replaced(file, System.nanoTime()));
        }
    }

    private Path directory() {
        Path dir = directory;
        if (dir == null) {
            synchronized (this) {
                if (directory == null) {
                    try {
                        Files.createDirectories(parent);
                        directory = Files.createTempDirectory(parent, "catalog-exports-");
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot create a directory for exports in " + parent, e);
                    }
                }
                dir = directory;
            }
        }
        return dir;
    }

    void removeAll(@Observes ShutdownEvent shutdown) {
        Path dir = directory;
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(this::discard);
        } catch (IOException e) {
            LOG.warnf("cannot remove %s: %s", dir, e);
        }
    }
}
