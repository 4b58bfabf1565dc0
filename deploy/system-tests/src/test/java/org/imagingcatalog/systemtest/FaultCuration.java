package org.imagingcatalog.systemtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.imagingcatalog.testsupport.Quietly;

/** Curators at work through curation-service's API: reading the queue, deciding, editing. */
final class FaultCuration {

    /** How a burst of curator calls was answered. */
    record Answers(int ok, int refused, int unanswered) {
    }

    private FaultCuration() {
    }

    /** The queue items whose comment is {@code tag}, as a curator sees them. */
    static List<JsonNode> queued(FaultStack faults, String tag) {
        return allQueued(faults, faults.curation()).stream().filter(item -> tag.equals(item.path("comment").asText()))
                .toList();
    }

    /**
     * Every item of a curation instance's review queue: the API answers a page at a time (at most 200 items), so
     * the pages are read from the first, following {@code next} until there is none. Newest first, so an item
     * queued between two pages shifts them: then the pages do not add up to the total, and they are read again
     * (a few times at most; the caller's next poll sees the rest).
     */
    static List<JsonNode> allQueued(FaultStack faults, ServiceProcess curation) {
        List<JsonNode> items = List.of();
        for (int attempt = 0; attempt < 5; attempt++) {
            List<JsonNode> read = new ArrayList<>();
            long total = readPages(faults, curation, read);
            items = read;
            if (read.size() == total && read.stream().map(i -> i.path("submissionId").asText()).distinct().count()
                    == read.size()) {
                return items;
            }
        }
        return items;
    }

    /** Reads every page into {@code items}; answers the total the last page gave. */
    private static long readPages(FaultStack faults, ServiceProcess curation, List<JsonNode> items) {
        String next = "/api/v1/queue?size=200";
        long total = 0;
        for (int pages = 0; next != null && !next.isEmpty(); pages++) {
            if (pages > 10_000) {
                throw new AssertionError("the queue's next links never end");
            }
            Http.Reply reply = Http.get(curation.url() + next, faults.asCurator());
            if (reply.status() != 200) {
                throw new AssertionError("queue of " + curation.name() + " answered " + reply.status() + ": "
                        + reply.body());
            }
            JsonNode page = reply.json();
            page.path("items").forEach(items::add);
            total = page.path("total").asLong();
            next = page.path("next").isTextual() ? page.path("next").asText() : null;
        }
        return total;
    }

    /** Waits until {@code count} items with this tag are queued, or the time runs out; answers those there are. */
    static List<JsonNode> awaitQueued(FaultStack faults, String tag, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> items = queued(faults, tag);
        while (items.size() < count && Instant.now().isBefore(deadline)) {
            Quietly.sleep(500);
            items = queued(faults, tag);
        }
        return items;
    }

    /** Accepts each submission with {@code threads} curators at once; {@code afterEachOk} sees the running count. */
    static Answers acceptAll(FaultStack faults, Collection<String> submissionIds, int threads, IntConsumer afterEachOk) {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        String[] curator = faults.asCurator();
        String base = faults.curation().url();
        run(submissionIds, threads, id -> {
            try {
                Http.Reply reply = Http.postJson(base + "/api/v1/submissions/" + id + "/decision",
                        Map.of("outcome", "ACCEPT", "message", "Accepted by the fault tests."), curator);
                if (reply.status() == 200) {
                    afterEachOk.accept(ok.incrementAndGet());
                } else {
                    refused.incrementAndGet();
                }
            } catch (IllegalStateException e) {
                unanswered.incrementAndGet();
            }
        });
        return new Answers(ok.get(), refused.get(), unanswered.get());
    }

    /**
     * {@code editsEach} direct edits of each resource's description, one curator per resource, each
     * edit based on the version the previous one made; {@code afterEachOk} sees the running count.
     */
    static Answers editEach(FaultStack faults, List<String> resourceIds, int editsEach, String tag, IntConsumer afterEachOk) {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        String[] curator = faults.asCurator();
        String base = faults.curation().url() + "/api/v1/resources/";
        run(resourceIds, resourceIds.size(), id -> {
            int version = Http.get(base + id, curator).json().path("version").asInt();
            for (int i = 1; i <= editsEach; i++) {
                Http.Reply reply = Http.sendJson("PUT", base + id,
                        Map.of("description", "Edited by the fault tests (" + tag + ", edit " + i + ").",
                                "reason", "fault test edit " + i),
                        "If-Match", "\"" + version + "\"", curator[0], curator[1]);
                if (reply.status() == 200) {
                    version = reply.json().path("version").asInt();
                    afterEachOk.accept(ok.incrementAndGet());
                } else {
                    refused.incrementAndGet();
                    version = Http.get(base + id, curator).json().path("version").asInt();
                }
            }
        });
        return new Answers(ok.get(), refused.get(), 0);
    }

    /** The status curation shows for a submission. */
    static String status(FaultStack faults, String submissionId) {
        return Http.get(faults.curation().url() + "/api/v1/submissions/" + submissionId, faults.asCurator()).json()
                .path("status").asText();
    }

    static List<String> ids(List<JsonNode> items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("submissionId").asText()));
        return ids;
    }

    private static void run(Collection<String> work, int threads, java.util.function.Consumer<String> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        work.forEach(item -> pool.execute(() -> task.accept(item)));
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new AssertionError("curators did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

}
