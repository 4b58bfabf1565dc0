package org.imagingcatalog.systemtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.imagingcatalog.testsupport.Quietly;

/**
 * A steady load on the multi-node stack while a test does its work: a contributor submitting to both submission
 * replicas in turn, a reader on each public-web replica, and (with {@link #editing}) a curator editing through both
 * curation replicas while the readers watch those entries' versions, which must never go back on a replica.
 */
final class MultiNodeLoad implements AutoCloseable {

    /** What the load did and saw; {@code editVersions}: the versions edits were answered with, per entry. */
    record Tally(Set<String> receipts, int unanswered, long requests, long serverErrors, int editsAnswered,
            Map<String, Set<Integer>> editVersions, List<String> wentBack) {

        int submitted() {
            return receipts.size();
        }
    }

    private static final List<String> READS = List.of("/", "/api/v1/resources?q=chest&size=5", "/export/catalog.csv",
            "/feed.atom");

    private final MultiNodeStack multi;
    private final String tag;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private final AtomicInteger submissions = new AtomicInteger();
    private final Set<String> receipts = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicInteger editsAnswered = new AtomicInteger();
    private final Map<String, Set<Integer>> editVersions = new ConcurrentHashMap<>();
    private final List<String> wentBack = new CopyOnWriteArrayList<>();
    private volatile List<String> watched = List.of();

    private MultiNodeLoad(MultiNodeStack multi, String tag) {
        this.multi = multi;
        this.tag = tag;
    }

    static MultiNodeLoad start(MultiNodeStack multi, String tag) {
        MultiNodeLoad load = new MultiNodeLoad(multi, tag);
        load.run("multi-submitter", load::submitOne, 150);
        for (ServiceProcess web : multi.publicWebs) {
            Map<String, Integer> seen = new ConcurrentHashMap<>();
            load.run("multi-reader-" + web.url(), () -> load.readOnce(web, seen), 20);
        }
        return load;
    }

    /** Adds a curator editing {@code resourceIds} in turn through both curation replicas. */
    MultiNodeLoad editing(List<String> resourceIds) {
        watched = List.copyOf(resourceIds);
        AtomicInteger turn = new AtomicInteger();
        run("multi-editor", () -> editOne(resourceIds.get(turn.get() % resourceIds.size()),
                multi.curations.get(turn.getAndIncrement() % 2)), 100);
        return this;
    }

    /** Stops the load and answers what it did. */
    Tally tally() {
        close();
        Map<String, Set<Integer>> versions = new ConcurrentHashMap<>();
        editVersions.forEach((id, set) -> versions.put(id, Set.copyOf(set)));
        return new Tally(Set.copyOf(receipts), unanswered.get(), requests.get(), serverErrors.get(), editsAnswered.get(),
                versions, List.copyOf(wentBack));
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run(String name, Runnable step, long pauseMillis) {
        Thread thread = new Thread(() -> {
            while (running) {
                try {
                    step.run();
                } catch (IllegalStateException cutOff) {
                    // the replica or its connection was killed under the call: the caller would try again
                    unanswered.incrementAndGet();
                }
                Quietly.sleep(pauseMillis);
            }
        }, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void submitOne() {
        int n = submissions.incrementAndGet();
        ServiceProcess submission = multi.submissions.get(n % 2);
        Http.Reply reply = Http.postJson(submission.url() + "/api/v1/submissions",
                FaultSubmissions.newResource("%s-%04d".formatted(tag, n), tag));
        if (reply.status() == 202) {
            receipts.add(reply.json().path("id").asText());
        } else {
            count(reply);
        }
    }

    private void readOnce(ServiceProcess web, Map<String, Integer> seen) {
        for (String path : READS) {
            count(Http.get(web.url() + path));
        }
        for (String id : watched) {
            Http.Reply reply = Http.get(web.url() + "/api/v1/resources/" + id);
            count(reply);
            if (reply.status() == 200) {
                int version = reply.json().path("version").asInt();
                Integer before = seen.put(id, version);
                if (before != null && version < before) {
                    wentBack.add(web.url() + " " + id + ": version " + version + " after " + before);
                }
            }
        }
    }

    private void editOne(String id, ServiceProcess curation) {
        String url = curation.url() + "/api/v1/resources/" + id;
        String[] curator = multi.asCurator();
        Http.Reply current = Http.get(url, curator);
        count(current);
        if (current.status() != 200) {
            return;
        }
        int version = current.json().path("version").asInt();
        Http.Reply reply = Http.sendJson("PUT", url, Map.of("description", "Edited under load by the multi-node test ("
                + tag + ", after version " + version + ").", "reason", "multi-node load"),
                "If-Match", "\"" + version + "\"", curator[0], curator[1]);
        if (reply.status() == 200) {
            editsAnswered.incrementAndGet();
            editVersions.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(reply.json().path("version").asInt());
        } else {
            count(reply);
        }
    }

    private void count(Http.Reply reply) {
        requests.incrementAndGet();
        if (reply.status() >= 500) {
            serverErrors.incrementAndGet();
        }
    }
}
