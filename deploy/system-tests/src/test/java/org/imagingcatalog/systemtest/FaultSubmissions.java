package org.imagingcatalog.systemtest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

/** Contributors' proposals sent through submission-service's JSON API, many at once. */
final class FaultSubmissions {

    /** What the contributor keeps from a 202: the submission's id and its private tracking token. */
    record Receipt(UUID id, String token) {
    }

    /** The answers to a burst: the accepted ones, other answers by status, and calls that got no answer. */
    record Burst(List<Receipt> accepted, Map<Integer, Integer> refusedByStatus, int unanswered) {

        Set<UUID> acceptedIds() {
            return accepted.stream().map(Receipt::id).collect(Collectors.toSet());
        }

        int sent() {
            return accepted.size() + refusedByStatus.values().stream().mapToInt(Integer::intValue).sum() + unanswered;
        }
    }

    private FaultSubmissions() {
    }

    /** A new resource with an id of its own; {@code tag} goes into the comment to find it again. */
    static Map<String, Object> newResource(String id, String tag) {
        Map<String, Object> proposed = new LinkedHashMap<>();
        proposed.put("id", id);
        proposed.put("name", "Fault test collection " + id);
        proposed.put("url", "https://example.org/datasets/" + id);
        proposed.put("description", "Chest CT scans proposed by the fault tests.");
        proposed.put("provider", "System test hospital");
        proposed.put("modalities", Map.of("ct", "Y", "xray", "N", "mri", "U", "ultrasound", "N"));
        proposed.put("access", "OPEN");
        return Map.of("kind", "NEW", "proposed", proposed, "comment", tag,
                "submitter", Map.of("name", "Fault Tester", "email", "fault.tester@example.org"));
    }

    /** A correction of a published resource's description. */
    static Map<String, Object> correction(JsonNode published, String description, String tag) {
        Map<String, Object> proposed = Http.JSON.convertValue(published, new TypeReference<Map<String, Object>>() { });
        // what only the read side says of an entry is no part of a proposal
        for (String readSide : List.of("version", "status", "licenseSpdx", "link")) {
            proposed.remove(readSide);
        }
        proposed.put("description", description);
        return Map.of("kind", "CORRECTION", "resourceId", published.path("id").asText(), "proposed", proposed,
                "comment", tag);
    }

    /**
     * Posts every body with {@code threads} callers at once. {@code afterEachAccepted} sees the running
     * number of 202 answers (to pull a plug at a chosen moment).
     */
    static Burst send(String submissionUrl, List<Map<String, Object>> bodies, int threads, IntConsumer afterEachAccepted) {
        List<Receipt> accepted = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Integer> refused = Collections.synchronizedMap(new TreeMap<>());
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger acceptedCount = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Map<String, Object> body : bodies) {
            pool.execute(() -> {
                Http.Reply reply;
                try {
                    reply = Http.postJson(submissionUrl + "/api/v1/submissions", body);
                } catch (IllegalStateException e) {
                    unanswered.incrementAndGet();
                    return;
                }
                if (reply.status() == 202) {
                    JsonNode json = reply.json();
                    String url = json.path("trackingUrl").asText();
                    accepted.add(new Receipt(UUID.fromString(json.path("id").asText()),
                            url.substring(url.lastIndexOf('/') + 1)));
                    afterEachAccepted.accept(acceptedCount.incrementAndGet());
                } else {
                    refused.merge(reply.status(), 1, Integer::sum);
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
                throw new AssertionError("a burst of " + bodies.size() + " submissions did not finish in 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Burst(List.copyOf(accepted), Map.copyOf(refused), unanswered.get());
    }

    /** {@code count} new resources with ids {@code prefix-0001...}, all tagged. */
    static List<Map<String, Object>> newResources(String prefix, int count, String tag) {
        List<Map<String, Object>> bodies = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            bodies.add(newResource("%s-%04d".formatted(prefix, i), tag));
        }
        return bodies;
    }

    /** A short id part unique to this run, so runs never meet in a topic or a database. */
    static String runId() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
