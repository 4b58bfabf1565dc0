package org.imagingcatalog.bench;

import java.util.List;
import java.util.Set;

import org.imagingcatalog.model.Resource;

/**
 * The benchmark's synthetic catalog in its public-web, shared by the parts of one run: EntryGenerator's entries
 * published to catalog.entries.v1 of the benchmark's broker (as curation would publish them), how many are in so far,
 * and the words the queries use. The scale part grows it size by size; the reading part grows it to the run's largest
 * size if the scale part did not run, so both measure the same catalog.
 */
final class SyntheticCatalog {

    private final Http http;
    private final EntryGenerator generator = new EntryGenerator();
    private int published;
    private long baseline = -1;

    SyntheticCatalog(Http http) {
        this.http = http;
    }

    /** Synthetic entries published so far (the seed and other parts' entries not counted). */
    int size() {
        return published;
    }

    /** Entries public-web served before the first synthetic one (the seed). */
    long baseline() {
        return Math.max(0, baseline);
    }

    EntryGenerator generator() {
        return generator;
    }

    /** A word about one in ten thousand entries have (about 12 of 100,000): a rare search word. */
    String rareWord() {
        return generator.wordWithShare(0.0001, Set.of());
    }

    /** The id of a synthetic entry in the middle of the catalog, for a resource page. */
    String middleId() {
        return EntryGenerator.id(Math.max(0, published / 2));
    }

    /**
     * Publishes the entries up to {@code size} (cumulative) and waits until public-web's API counts them all.
     *
     * @return seconds from the first send until counted, NaN if public-web did not count them within the timeout
     */
    double growTo(EntryPublisher publisher, String base, int size, long timeoutMillis) {
        if (baseline < 0) {
            baseline = waitStable(base);
        }
        long start = System.nanoTime();
        for (int i = published; i < size; i++) {
            Resource entry = generator.entry(i);
            publisher.publish(EntryGenerator.id(i), 1, entry, List.of(), "New entry", "synthetic benchmark entry");
        }
        publisher.flush();
        published = Math.max(published, size);
        if (!waitTotal(base, baseline + published, timeoutMillis)) {
            return Double.NaN;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Polls public-web's count until it is at least {@code expected}; answers whether it got there in time. */
    boolean waitTotal(String base, long expected, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (Http.total(http.get(base + "/api/v1/resources?size=1")) >= expected) {
                return true;
            }
            Procs.sleep(50);
        }
        return false;
    }

    /** Public-web's count once it stops changing (the seed arriving after a fresh start). */
    private long waitStable(String base) {
        long last = -2;
        for (int i = 0; i < 100; i++) {
            long total = Http.total(http.get(base + "/api/v1/resources?size=1"));
            if (total == last && total >= 0) {
                return total;
            }
            last = total;
            Procs.sleep(1000);
        }
        return Math.max(0, last);
    }
}
