package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.imagingcatalog.model.Topics;
import org.junit.jupiter.api.Test;

/** 1,000 submissions while the Kafka broker goes away and comes back: every one is queued once. */
class FaultKafkaOutageIT {

    private static final int PER_PHASE_BEFORE = 300;
    private static final int PER_PHASE_DOWN = 400;
    private static final int PER_PHASE_RESTART = 300;
    private static final int TOTAL = PER_PHASE_BEFORE + PER_PHASE_DOWN + PER_PHASE_RESTART;
    private static final int THREADS = 8;

    private final FaultStack faults = FaultStack.get();

    @Test
    void aThousandSubmissionsAcrossABrokerRestartAreQueuedExactlyOnce() {
        String run = FaultSubmissions.runId();
        String tag = "fault-kafka-" + run;
        List<Map<String, Object>> bodies = FaultSubmissions.newResources("fk-" + run, TOTAL, tag);
        String url = faults.submission().url();

        // before: the broker is up
        FaultSubmissions.Burst before = FaultSubmissions.send(url, bodies.subList(0, PER_PHASE_BEFORE), THREADS, n -> { });

        // the broker shuts down while submissions keep coming
        Instant stopAt = Instant.now();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(faults.kafka::stop);
        FaultSubmissions.Burst down = FaultSubmissions.send(url,
                bodies.subList(PER_PHASE_BEFORE, PER_PHASE_BEFORE + PER_PHASE_DOWN), THREADS, n -> { });
        stopping.join();
        long pendingWhileDown = faults.pendingOutbox(faults.submission());
        Duration downFor = FaultReport.since(stopAt);

        // the broker restarts on the same port with its data while submissions keep coming
        Instant restartAt = Instant.now();
        CompletableFuture<Void> restarting = CompletableFuture.runAsync(faults.kafka::start);
        FaultSubmissions.Burst restart = FaultSubmissions.send(url,
                bodies.subList(PER_PHASE_BEFORE + PER_PHASE_DOWN, TOTAL), THREADS, n -> { });
        restarting.join();
        Duration brokerBack = FaultReport.since(restartAt);

        List<FaultSubmissions.Burst> bursts = List.of(before, down, restart);
        Set<String> accepted = new HashSet<>();
        bursts.forEach(b -> b.acceptedIds().forEach(id -> accepted.add(id.toString())));
        long stored = faults.count(faults.submission(), "SELECT count(*) FROM submission WHERE comment = ?", tag);

        // every submission reaches the review queue once (the curator's view through the API)
        Instant deliveryStart = Instant.now();
        List<String> queued = FaultCuration.ids(FaultCuration.awaitQueued(faults, tag, TOTAL, Duration.ofSeconds(120)));
        Duration delivered = FaultReport.since(deliveryStart);
        FaultEvents events = FaultEvents.read(faults.kafka.bootstrapServers(), Topics.SUBMISSIONS,
                read -> read.where("comment", Set.of(tag)).distinctEvents() >= TOTAL, Duration.ofSeconds(30))
                .where("comment", Set.of(tag));

        FaultReport.section("a", "Kafka broker stopped and restarted during 1,000 submissions")
                .figure("submissions sent", bursts.stream().mapToInt(FaultSubmissions.Burst::sent).sum())
                .figure("answered 202 (before / while stopping and down / during restart)",
                        before.accepted().size() + " / " + down.accepted().size() + " / " + restart.accepted().size())
                .figure("stored in submission-service", stored)
                .figure("outbox rows waiting while the broker was down", pendingWhileDown)
                .seconds("broker down (stop began to restart began)", downFor)
                .seconds("broker restart until it answered", brokerBack)
                .figure("SubmissionReceived on the topic (records incl. redelivered copies / distinct events)",
                        events.records() + " / " + events.distinctEvents())
                .figure("review-queue items (curation API)", queued.size())
                .seconds("all queued, counted from the end of the submissions", delivered)
                .publish();

        for (FaultSubmissions.Burst burst : bursts) {
            assertThat(burst.accepted()).as("202 answers; others: " + burst.refusedByStatus() + ", unanswered "
                    + burst.unanswered()).hasSize(burst.sent());
        }
        assertThat(accepted).hasSize(TOTAL);
        assertThat(stored).as("stored submissions").isEqualTo(TOTAL);
        assertThat(queued).as("queue items of this run").hasSize(TOTAL).doesNotHaveDuplicates();
        assertThat(Set.copyOf(queued)).isEqualTo(accepted);
        assertThat(events.eventIdsBy(e -> e.path("submissionId").asText()).keySet()).as("submissions on the topic")
                .isEqualTo(accepted);
        assertThat(events.distinctEvents()).as("distinct SubmissionReceived events").isEqualTo(TOTAL);
        assertThat(events.doubled(e -> e.path("submissionId").asText())).as("submissions with two events").isEmpty();
    }
}
