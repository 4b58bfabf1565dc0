package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.imagingcatalog.model.Topics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each service killed with SIGKILL in the middle of its work, then started again: nothing it
 * had accepted is lost, and nothing reaches the public catalog twice.
 */
class FaultKillIT {

    /** Seed resources the corrections go to (every stack imports the seed list). */
    private static final List<String> SEED_IDS = List.of("covid-chestxray-dataset", "covid-ct", "eurorad",
            "coronacases", "medseg-covid-19", "covid-19-radiography-database");

    private final FaultStack faults = FaultStack.get();

    @Test
    void submissionServiceKilledDuringABurstLosesNothingItAccepted() {
        String run = FaultSubmissions.runId();
        String tag = "fault-kill-submission-" + run;
        ServiceProcess submission = faults.submission();
        AtomicReference<CompletableFuture<Void>> killed = new AtomicReference<>();

        FaultSubmissions.Burst burst = FaultSubmissions.send(submission.url(),
                FaultSubmissions.newResources("ks-" + run, 300, tag), 6, accepted -> {
                    if (accepted >= 120) {
                        once(killed, submission::kill);
                    }
                });
        assertThat(killed.get()).as("the kill was triggered").isNotNull();
        killed.get().join();
        long pendingAtKill = faults.pendingOutbox(submission);
        Instant restart = Instant.now();
        submission.start();
        Duration restarted = FaultReport.since(restart);

        Set<String> stored = faults.query(submission, "SELECT id::text FROM submission WHERE comment = ?", tag).stream()
                .map(row -> (String) row.get(0)).collect(Collectors.toSet());
        Set<String> accepted = burst.acceptedIds().stream().map(Object::toString).collect(Collectors.toSet());
        List<JsonNode> queued = FaultCuration.awaitQueued(faults, tag, stored.size(), Duration.ofSeconds(90));
        FaultEvents events = FaultEvents.read(faults.kafka.bootstrapServers(), Topics.SUBMISSIONS,
                read -> read.where("comment", Set.of(tag)).distinctEvents() >= stored.size(), Duration.ofSeconds(30))
                .where("comment", Set.of(tag));

        FaultReport.section("b1", "submission-service killed (SIGKILL) during a burst of 300 submissions")
                .figure("submissions sent", burst.sent())
                .figure("answered 202 / refused / cut off by the kill",
                        burst.accepted().size() + " / " + burst.refusedByStatus() + " / " + burst.unanswered())
                .figure("stored (202 answered + committed just before the kill)", stored.size())
                .figure("committed but unpublished outbox rows at the kill", pendingAtKill)
                .seconds("restart until ready", restarted)
                .figure("SubmissionReceived on the topic (records incl. redelivered copies / distinct events)",
                        events.records() + " / " + events.distinctEvents())
                .figure("review-queue items", queued.size())
                .publish();

        assertThat(burst.unanswered()).as("calls cut off by the kill").isPositive();
        assertThat(stored).as("every submission answered 202 is stored").containsAll(accepted);
        assertThat(FaultCuration.ids(queued)).as("queue items of the stored submissions").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(stored);
        assertThat(events.eventIdsBy(e -> e.path("submissionId").asText()).keySet()).isEqualTo(stored);
        assertThat(events.doubled(e -> e.path("submissionId").asText())).as("submissions with two events").isEmpty();
    }

    @Test
    void curationKilledBetweenCommitAndPublishPublishesEveryVersionOnce() {
        String run = FaultSubmissions.runId();
        String tag = "fault-kill-curation-" + run;
        List<Map<String, Object>> bodies = new ArrayList<>(FaultSubmissions.newResources("kc-" + run, 60, tag));
        for (String seed : SEED_IDS) {
            JsonNode published = Http.get(faults.publicWeb().url() + "/api/v1/resources/" + seed).json();
            for (int i = 1; i <= 2; i++) {
                bodies.add(FaultSubmissions.correction(published, "Corrected by the fault tests (" + run + ", " + i + ").", tag));
            }
        }
        FaultSubmissions.Burst submitted = FaultSubmissions.send(faults.submission().url(), bodies, 6, n -> { });
        assertThat(submitted.accepted()).as(submitted.refusedByStatus().toString()).hasSize(bodies.size());
        List<String> ids = new ArrayList<>(FaultCuration.ids(
                FaultCuration.awaitQueued(faults, tag, bodies.size(), Duration.ofSeconds(90))));
        assertThat(ids).as("queued submissions to decide").hasSize(bodies.size());
        java.util.Collections.shuffle(ids);

        // curators accept a first half while everything runs
        FaultCuration.Answers before = FaultCuration.acceptAll(faults, ids.subList(0, ids.size() / 2), 6, ok -> { });
        // the broker goes away, so what curators accept now stays committed but unpublished in the outbox;
        // the kill comes while they are still at it
        faults.kafka.stop();
        ServiceProcess curation = faults.curation();
        AtomicReference<CompletableFuture<Void>> killed = new AtomicReference<>();
        List<String> secondHalf = ids.subList(ids.size() / 2, ids.size());
        FaultCuration.Answers during = FaultCuration.acceptAll(faults, secondHalf, 6, ok -> {
            if (ok >= secondHalf.size() * 3 / 4) {
                once(killed, curation::kill);
            }
        });
        assertThat(killed.get()).as("the kill was triggered").isNotNull();
        killed.get().join();
        long pendingAtKill = faults.pendingOutbox(curation);
        Instant restart = Instant.now();
        CompletableFuture<Void> broker = CompletableFuture.runAsync(faults.kafka::start);
        curation.start();
        broker.join();
        Duration restarted = FaultReport.since(restart);

        // the curators come back and accept what the crash left open
        List<String> open = ids.stream().filter(id -> !FaultCuration.status(faults, id).equals("ACCEPTED")).toList();
        FaultCuration.Answers afterRestart = FaultCuration.acceptAll(faults, open, 6, ok -> { });
        assertThat(afterRestart.ok()).as("accepted after the restart").isEqualTo(open.size());

        FaultCatalogCheck.Agreement agreement = FaultCatalogCheck.publicMatchesCuration(faults, Duration.ofSeconds(90));
        FaultCatalogCheck.eachAcceptedMadeOneVersion(faults, submitted.accepted());

        FaultReport.section("b2", "curation-service killed (SIGKILL) between commits and their publication")
                .figure("submissions accepted by curators (new resources / corrections)", "60 / " + (bodies.size() - 60))
                .figure("decisions answered 200 with the broker up", before.ok())
                .figure("then, broker down: answered 200 / refused / cut off by the kill",
                        during.ok() + " / " + during.refused() + " / " + during.unanswered())
                .figure("committed but unpublished outbox rows at the kill", pendingAtKill)
                .seconds("restart (with the broker) until ready", restarted)
                .figure("left open by the crash, accepted after the restart", open.size())
                .figure("resources / versions checked against the public catalog",
                        agreement.resources() + " / " + agreement.versions())
                .seconds("public catalog agreed with curation after", agreement.waited())
                .figure("EntryVersionPublished records / redelivered copies", agreement.entryRecords() + " / "
                        + agreement.entryRedeliveries())
                .publish();
        assertThat(pendingAtKill).as("the kill came between commits and their publication").isPositive();
    }

    @Test
    void publicWebKilledWhileConsumingShowsEveryVersionOnce() {
        String run = FaultSubmissions.runId();
        ServiceProcess publicWeb = faults.publicWeb();
        List<String> resources = new ArrayList<>(FaultCatalogCheck.curatedVersions(faults).keySet()).subList(0, 8);
        AtomicReference<CompletableFuture<Void>> crash = new AtomicReference<>();
        AtomicReference<Duration> restarted = new AtomicReference<>();
        AtomicReference<Duration> consumingAgain = new AtomicReference<>();
        AtomicLong eventsAtKill = new AtomicLong();
        AtomicBoolean killed = new AtomicBoolean();

        FaultCuration.Answers edits = FaultCuration.editEach(faults, resources, 10, run, ok -> {
            if (ok >= 25 && killed.compareAndSet(false, true)) {
                // killed on the editing thread, so the edits after it are events the dead replica never read
                eventsAtKill.set(readModelEvents());
                publicWeb.kill();
                once(crash, () -> {
                    Instant restart = Instant.now();
                    publicWeb.start();
                    restarted.set(FaultReport.since(restart));
                    Instant ready = Instant.now();
                    // the killed consumer still holds its partitions until the broker expires its session
                    Http.await(publicWeb.url() + "/admin/rebuild", r -> r.status() == 200
                            && r.json().path("eventsApplied").asLong() > 0, Duration.ofSeconds(120), faults.asAdmin());
                    consumingAgain.set(FaultReport.since(ready));
                });
            }
        });
        assertThat(edits.ok()).as("direct edits answered 200").isEqualTo(resources.size() * 10);
        assertThat(crash.get()).as("the kill was triggered").isNotNull();
        crash.get().join();
        Duration restart = restarted.get();
        Duration consuming = consumingAgain.get();

        FaultCatalogCheck.Agreement agreement = FaultCatalogCheck.publicMatchesCuration(faults, Duration.ofSeconds(90));
        FaultReport.section("b3", "public-web killed (SIGKILL) while consuming entry events")
                .figure("direct edits by curators while it ran, died and restarted", edits.ok())
                .figure("entry events the read model had applied when killed", eventsAtKill.get())
                .seconds("restart until ready", restart)
                .seconds("ready until the read model applied events again (consumer group rejoin)", consuming)
                .figure("resources / versions checked against curation", agreement.resources() + " / "
                        + agreement.versions())
                .seconds("public catalog agreed with curation after the edits ended", agreement.waited())
                .figure("EntryVersionPublished records / redelivered copies", agreement.entryRecords() + " / "
                        + agreement.entryRedeliveries())
                .publish();
    }

    /** Runs {@code action} on another thread the first time; later calls find the slot taken and do nothing. */
    private static void once(AtomicReference<CompletableFuture<Void>> slot, Runnable action) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (slot.compareAndSet(null, mine)) {
            CompletableFuture.runAsync(action).whenComplete((done, failure) -> {
                if (failure == null) {
                    mine.complete(null);
                } else {
                    mine.completeExceptionally(failure);
                }
            });
        }
    }

    private long readModelEvents() {
        Http.Reply status = Http.get(faults.publicWeb().url() + "/admin/rebuild", faults.asAdmin());
        return status.status() == 200 ? status.json().path("eventsApplied").asLong() : -1;
    }
}
