package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imagingcatalog.model.Topics;
import org.imagingcatalog.testsupport.Quietly;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalog run as the production overlay runs it (three Kafka nodes, replication factor 3,
 * {@code min.insync.replicas=2}, two replicas of each service on shared databases), under a steady load of
 * submissions, decisions and public reads: every public-web replica serves every accepted change; a broker and one
 * replica of each service die and come back without losing or doubling anything; both relays of a service publish
 * a backlog together without sending a row twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeIT {

    private static final Duration CONVERGE = Duration.ofSeconds(120);

    private final MultiNodeStack multi = MultiNodeStack.get();

    @Test
    @Order(1)
    void everyPublicReplicaServesEveryAcceptedChangeWithinASecondOfTheFirst() {
        String run = FaultSubmissions.runId();
        String tag = "multi-spread-" + run;
        List<Long> spreads = new ArrayList<>();
        List<Long> everyReplica = new ArrayList<>();
        MultiNodeLoad.Tally steady;
        try (MultiNodeLoad load = MultiNodeLoad.start(multi, "multi-steady-" + run)) {
            for (int i = 0; i < 20; i++) {
                String id = "mn-" + run + "-" + i;
                String submissionId = submit(multi.submissions.get(i % 2), FaultSubmissions.newResource(id, tag));
                ServiceProcess curation = multi.curations.get((i + 1) % 2);
                Http.await(curation.url() + "/api/v1/submissions/" + submissionId, r -> r.status() == 200,
                        Duration.ofSeconds(60), multi.asCurator());
                Map<ServiceProcess, String> validators = new HashMap<>();
                for (ServiceProcess web : multi.publicWebs) {
                    validators.put(web, etag(Http.get(web.url() + "/api/v1/resources?size=1")));
                }

                Http.Reply decided = Http.postJson(curation.url() + "/api/v1/submissions/" + submissionId + "/decision",
                        Map.of("outcome", "ACCEPT", "message", "Accepted by the multi-node test."), multi.asCurator());
                assertThat(decided.status()).as(decided.body()).isEqualTo(200);
                long accepted = System.nanoTime();
                long[] served = firstServed(id);
                spreads.add(Math.abs(served[0] - served[1]) / 1_000_000);
                everyReplica.add((Math.max(served[0], served[1]) - accepted) / 1_000_000);

                for (ServiceProcess web : multi.publicWebs) {
                    assertServesEverywhere(web, id, validators.get(web));
                }
            }
            steady = load.tally();
        }

        FaultReport.section("m1", "Multi-node: two public-web replicas, 20 changes accepted under steady load")
                .figure("changes accepted (alternating submission and curation replicas)", spreads.size())
                .figure("gap between the two public-web replicas serving a change, median / worst",
                        percentile(spreads, 50) + " ms / " + percentile(spreads, 100) + " ms")
                .figure("accept answered -> every public-web replica serves it, median / p99 / worst",
                        percentile(everyReplica, 50) + " ms / " + percentile(everyReplica, 99) + " ms / "
                                + percentile(everyReplica, 100) + " ms")
                .figure("steady load meanwhile: submissions answered 202 / other requests / 5xx answers",
                        steady.submitted() + " / " + steady.requests() + " / " + steady.serverErrors())
                .publish();
        assertThat(spreads).as("ms between the first and the second public-web replica serving a change")
                .allMatch(ms -> ms <= 1000);
        assertThat(steady.serverErrors()).as("5xx answers to the steady load").isZero();
    }

    @Test
    @Order(2)
    void aBrokerAndOneReplicaOfEachServiceKilledLoseNothingAndDoubleNothing() {
        String run = FaultSubmissions.runId();
        String tag = "multi-kill-" + run;
        List<String> edited = new ArrayList<>(curatedVersions().keySet()).subList(0, 6);
        MultiNodeLoad.Tally during;
        Duration brokerBack;
        Duration replicasBack;
        try (MultiNodeLoad load = MultiNodeLoad.start(multi, tag).editing(edited)) {
            Quietly.sleep(4000);
            multi.kafka.kill(0);
            Quietly.sleep(4000);
            List<ServiceProcess> victims = List.of(multi.submissions.get(0), multi.curations.get(0),
                    multi.publicWebs.get(0));
            victims.forEach(ServiceProcess::kill);
            Quietly.sleep(4000);
            Instant restart = Instant.now();
            multi.kafka.start(0);
            multi.kafka.awaitFullyReplicated();
            brokerBack = FaultReport.since(restart);
            restart = Instant.now();
            CompletableFuture.allOf(victims.stream().map(v -> CompletableFuture.runAsync(v::start))
                    .toArray(CompletableFuture[]::new)).join();
            replicasBack = FaultReport.since(restart);
            Quietly.sleep(4000);
            during = load.tally();
        }

        // nothing lost: every 202 reaches the queue, and curators (on both replicas) accept it
        Set<String> submitted = during.receipts();
        for (String id : submitted) {
            Http.await(multi.curations.get(1).url() + "/api/v1/submissions/" + id, r -> r.status() == 200, CONVERGE,
                    multi.asCurator());
        }
        int i = 0;
        for (String id : submitted) {
            Http.Reply decided = Http.postJson(multi.curations.get(i++ % 2).url() + "/api/v1/submissions/" + id
                    + "/decision", Map.of("outcome", "ACCEPT", "message", "Accepted after the faults."), multi.asCurator());
            assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        }
        for (Map.Entry<String, Set<Integer>> answered : during.editVersions().entrySet()) {
            Set<Integer> kept = new HashSet<>();
            Http.get(multi.curations.get(1).url() + "/api/v1/resources/" + answered.getKey() + "/versions",
                    multi.asCurator()).json().forEach(v -> kept.add(v.path("version").asInt()));
            assertThat(kept).as("versions of " + answered.getKey() + " kept by curation").containsAll(answered.getValue());
        }
        // nothing doubled, and every replica converges
        Map<String, Integer> curated = curatedVersions();
        Duration converged = awaitEveryReplicaAgrees(curated);
        for (ServiceProcess web : multi.publicWebs) {
            for (Map.Entry<String, Integer> resource : curated.entrySet()) {
                List<Integer> logged = new ArrayList<>();
                Http.get(web.url() + "/api/v1/resources/" + resource.getKey() + "/history").json().path("versions")
                        .forEach(v -> logged.add(v.path("version").asInt()));
                logged.sort(null);
                assertThat(logged).as(web.name() + " change log of " + resource.getKey() + ": every version once")
                        .isEqualTo(IntStream.rangeClosed(1, resource.getValue()).boxed().toList());
            }
        }
        long versionsPerAccepted = multi.count(multi.curations.get(0), """
                SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM resource_version
                WHERE source_submission_id IS NOT NULL GROUP BY source_submission_id) per_submission""");
        int versions = curated.values().stream().mapToInt(Integer::intValue).sum();
        FaultEvents entries = FaultEvents.read(multi.kafka.bootstrapServers(), Topics.ENTRIES,
                read -> read.distinctEvents() >= versions, Duration.ofSeconds(60));

        FaultReport.section("m2", "Multi-node: one broker, then one replica of each service killed (SIGKILL) under load")
                .figure("submissions answered 202 during the run / calls that met a killed replica (refused, cut off)",
                        submitted.size() + " / " + during.unanswered())
                .figure("direct edits answered 200 during the run", during.editsAnswered())
                .figure("other requests (reads, edits) during the run / 5xx answers", during.requests() + " / "
                        + during.serverErrors())
                .seconds("killed broker restarted until every partition had 3 in-sync replicas again", brokerBack)
                .seconds("killed replicas (submission, curation, public-web) ready again", replicasBack)
                .seconds("both public-web replicas agreed with curation after the run", converged)
                .figure("resources / versions checked on both public-web replicas", curated.size() + " / " + versions)
                .figure("EntryVersionPublished records / redelivered copies", entries.records() + " / "
                        + entries.redeliveries())
                .figure("a replica showing an older version after a newer one", during.wentBack().size())
                .publish();
        assertThat(versionsPerAccepted).as("versions made by one accepted submission, at most").isLessThanOrEqualTo(1);
        assertThat(entries.doubled(FaultEvents::entryKey)).as("(resource, version) published as two events").isEmpty();
        assertThat(during.wentBack()).as("reads that went back to an older version on the same replica").isEmpty();
    }

    @Test
    @Order(3)
    void bothRelaysOfAServicePublishABacklogTogetherWithoutSendingARowTwice() {
        String run = FaultSubmissions.runId();
        List<String> edited = new ArrayList<>(curatedVersions().keySet()).subList(0, 8);
        long before = multi.count(multi.curations.get(0), "SELECT coalesce(max(id), 0) FROM outbox_message");
        multi.kafka.stopAll();
        int answered = 0;
        for (int round = 0; round < 5; round++) {
            for (int r = 0; r < edited.size(); r++) {
                ServiceProcess curation = multi.curations.get(r % 2);
                String url = curation.url() + "/api/v1/resources/" + edited.get(r);
                int version = Http.get(url, multi.asCurator()).json().path("version").asInt();
                Http.Reply reply = Http.sendJson("PUT", url, Map.of("description", "Edited while the brokers were down ("
                        + run + ", round " + round + ").", "reason", "multi-node relay backlog"),
                        "If-Match", "\"" + version + "\"", multi.asCurator()[0], multi.asCurator()[1]);
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                answered++;
            }
        }
        List<String> backlog = multi.column(multi.curations.get(0),
                "SELECT event_id::text FROM outbox_message WHERE id > " + before + " AND sent_at IS NULL");
        Instant restart = Instant.now();
        multi.kafka.startAll();
        Instant deadline = Instant.now().plus(CONVERGE);
        while (multi.count(multi.curations.get(0), "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL") > 0
                && Instant.now().isBefore(deadline)) {
            Quietly.sleep(200);
        }
        Duration drained = FaultReport.since(restart);
        Set<String> wanted = Set.copyOf(backlog);
        FaultEvents entries = FaultEvents.read(multi.kafka.bootstrapServers(), Topics.ENTRIES,
                read -> read.where("eventId", wanted).distinctEvents() >= wanted.size(), Duration.ofSeconds(60))
                .where("eventId", wanted);

        FaultReport.section("m3", "Multi-node: both curation relays publish a backlog together")
                .figure("edits answered 200 by the two curation replicas while every broker was down", answered)
                .figure("outbox rows waiting when the brokers came back", backlog.size())
                .seconds("brokers started until both relays had sent every row", drained)
                .figure("records of those events on the topic / distinct events", entries.records() + " / "
                        + entries.distinctEvents())
                .publish();
        assertThat(backlog).as("rows the relays had to send").hasSize(answered);
        assertThat(entries.eventIdsBy(e -> e.path("eventId").asText()).keySet()).as("backlog events on " + Topics.ENTRIES)
                .isEqualTo(wanted);
        assertThat(entries.records()).as("records of the backlog: each row sent once").isEqualTo(wanted.size());
    }

    private String submit(ServiceProcess submission, Map<String, Object> body) {
        Http.Reply sent = Http.postJson(submission.url() + "/api/v1/submissions", body);
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        return sent.json().path("id").asText();
    }

    /** Polls both public-web replicas in turn until each serves {@code id}; the nanoTime each first did. */
    private long[] firstServed(String id) {
        long[] served = {0, 0};
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while ((served[0] == 0 || served[1] == 0) && Instant.now().isBefore(deadline)) {
            for (int r = 0; r < 2; r++) {
                if (served[r] == 0 && Http.get(multi.publicWebs.get(r).url() + "/api/v1/resources/" + id).status() == 200) {
                    served[r] = System.nanoTime();
                }
            }
            Quietly.sleep(5);
        }
        assertThat(served).as("both public-web replicas serve " + id + " within 30 s").doesNotContain(0L);
        return served;
    }

    /** The page, the exports, the feed and the validators of one replica all show the change. */
    private void assertServesEverywhere(ServiceProcess web, String id, String etagBefore) {
        String base = web.url();
        assertThat(Http.get(base + "/resources/" + id).body()).as(web.name() + " page").contains("Fault test collection " + id);
        assertThat(Http.get(base + "/export/catalog.csv").body()).as(web.name() + " CSV export").contains(id);
        assertThat(Http.get(base + "/feed.atom").body()).as(web.name() + " feed").contains(id);
        Http.Reply revalidated = Http.get(base + "/api/v1/resources?size=1", "If-None-Match", etagBefore);
        assertThat(revalidated.status()).as(web.name() + ": the validator of the catalog before the change").isEqualTo(200);
    }

    private Map<String, Integer> curatedVersions() {
        Http.Reply reply = Http.get(multi.curations.get(0).url() + "/api/v1/resources", multi.asCurator());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Integer> versions = new java.util.LinkedHashMap<>();
        JsonNode list = reply.json().isArray() ? reply.json() : reply.json().path("items");
        list.forEach(r -> versions.put(r.path("id").asText(), r.path("currentVersion").asInt()));
        return versions;
    }

    private Duration awaitEveryReplicaAgrees(Map<String, Integer> curated) {
        Instant start = Instant.now();
        Instant deadline = start.plus(CONVERGE);
        List<String> lagging = new ArrayList<>();
        do {
            lagging.clear();
            for (ServiceProcess web : multi.publicWebs) {
                for (Map.Entry<String, Integer> resource : curated.entrySet()) {
                    Http.Reply reply = Http.get(web.url() + "/api/v1/resources/" + resource.getKey());
                    int shown = reply.status() == 200 ? reply.json().path("version").asInt() : -reply.status();
                    if (shown != resource.getValue()) {
                        lagging.add(web.name() + " " + resource.getKey() + ": " + shown + " of " + resource.getValue());
                    }
                }
            }
            if (!lagging.isEmpty()) {
                Quietly.sleep(300);
            }
        } while (!lagging.isEmpty() && Instant.now().isBefore(deadline));
        assertThat(lagging).as("public-web replicas that do not show curation's version after " + CONVERGE).isEmpty();
        return FaultReport.since(start);
    }

    private static String etag(Http.Reply reply) {
        return reply.raw().headers().firstValue("ETag").orElseThrow();
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
