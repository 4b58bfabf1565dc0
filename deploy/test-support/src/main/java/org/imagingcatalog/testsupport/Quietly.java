package org.imagingcatalog.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The small waits and clean-ups of test harnesses, where an interruption or a leftover file is no failure. */
public final class Quietly {

    private Quietly() {
    }

    /** Sleeps; an interruption ends the sleep early and stays set on the thread. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a directory tree if it exists; what cannot be deleted stays (under target/ it is harmless). */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the next run empties it
        }
    }
}
