package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.imagingcatalog.testsupport.Quietly;

/**
 * Every topic replayed from offset 0 into fresh consumer groups rebuilds the same read models:
 * public-web's catalog (its operator rebuild empties the read model and its stored offsets and reads
 * the topic from offset 0), submission-service's published copy and statuses, and curation's review
 * queue (second instances with new group ids, on copies of their databases with the replayed data
 * removed).
 */
class FaultReplayIT {

    private static final Duration CONVERGE_LIMIT = Duration.ofSeconds(120);

    private final FaultStack faults = FaultStack.get();

    @Test
    void replayingEveryTopicIntoFreshConsumerGroupsChangesNoReadModel() throws Exception {
        String run = FaultSubmissions.runId();
        quiesce();
        List<String> resources = new ArrayList<>(FaultCatalogCheck.curatedVersions(faults).keySet());
        String publicCatalog = FaultReadModels.publicCatalog(faults.publicWeb(), resources);
        String publishedCopy = FaultReadModels.submissionPublishedCopy(faults, faults.submission());
        String statuses = FaultReadModels.submissionStatuses(faults, faults.submission());
        String queue = FaultReadModels.curationQueue(faults, faults.curation());
        long queueSize = FaultReadModels.queueSize(faults, faults.curation());
        long submissions = faults.count(faults.submission(), "SELECT count(*) FROM submission");

        // the operator's rebuild: public-web empties its read model and reads catalog.entries.v1 from offset 0
        Instant rebuildStart = Instant.now();
        long rebuildsBefore = adminStatus(faults.publicWeb()).path("rebuilds").asLong();
        assertThat(Http.postJson(faults.publicWeb().url() + "/admin/rebuild", "", admin()).status()).isEqualTo(202);
        Http.await(faults.publicWeb().url() + "/admin/rebuild", r -> r.status() == 200
                && r.json().path("rebuilds").asLong() > rebuildsBefore && r.json().path("caughtUp").asBoolean(),
                CONVERGE_LIMIT, admin());
        String rebuilt = converge(() -> FaultReadModels.publicCatalog(faults.publicWeb(), resources), publicCatalog);
        Duration rebuildTook = FaultReport.since(rebuildStart);

        // second instances with new consumer groups, started together
        ServiceProcess freshSubmission = FaultStack.quickToStart(faults.stack.extraInstance("submission-service", "replay-" + run,
                copyWithoutReplayedData(faults.submission(), "submission_replay_" + run, """
                        UPDATE submission SET status = 'RECEIVED', curator_message = NULL, decided_at = NULL,
                            resulting_version = NULL;
                        UPDATE submission_round SET status = NULL, curator_message = NULL, decided_at = NULL;
                        TRUNCATE processed_event, published_entry;
                        DELETE FROM outgoing_mail;
                        DELETE FROM outbox_message;""")))
                .env("CATALOG_SUBMISSION_DECISIONS_GROUP_ID", "submission-decisions-replay-" + run)
                .env("CATALOG_SUBMISSION_ENTRIES_GROUP_ID", "submission-entries-replay-" + run)
                .env("QUARKUS_MAILER_MOCK", "true");
        freshSubmission.env("CATALOG_SUBMISSION_PUBLIC_URL", freshSubmission.url());
        ServiceProcess freshCuration = FaultStack.quickToStart(faults.stack.extraInstance("curation-service", "replay-" + run,
                copyWithoutReplayedData(faults.curation(), "curation_replay_" + run, """
                        TRUNCATE review_item CASCADE; -- its rounds go with it: the replay brings them back
                        DELETE FROM outbox_message;""")))
                .env("CURATION_INTAKE_GROUP_ID", "curation-intake-replay-" + run);
        Instant freshStart = Instant.now();
        try {
            CompletableFuture<Void> started = CompletableFuture.allOf(
                    CompletableFuture.runAsync(freshSubmission::start), CompletableFuture.runAsync(freshCuration::start));
            started.join();
            Duration startedAfter = FaultReport.since(freshStart);

            String replayedCopy = converge(() -> FaultReadModels.submissionPublishedCopy(faults, freshSubmission),
                    publishedCopy);
            String replayedStatuses = converge(() -> FaultReadModels.submissionStatuses(faults, freshSubmission), statuses);
            String replayedQueue = converge(() -> FaultReadModels.queueSize(faults, freshCuration) < queueSize ? "(filling)"
                    : FaultReadModels.curationQueue(faults, freshCuration), queue);
            Duration replayTook = FaultReport.since(freshStart);

            FaultReport.section("d", "All topics replayed from offset 0 into fresh consumer groups")
                    .figure("resources / submissions / queue items replayed", resources.size() + " / " + submissions
                            + " / " + queueSize)
                    .figure("public-web catalog: original / after the operator rebuild from offset 0",
                            shortForms(publicCatalog, rebuilt))
                    .seconds("operator rebuild until equal", rebuildTook)
                    .figure("submission-service published copy: original / new instance", shortForms(publishedCopy,
                            replayedCopy))
                    .figure("submission-service statuses: original / new instance", shortForms(statuses, replayedStatuses))
                    .figure("curation-service review queue: original / new instance", shortForms(queue, replayedQueue))
                    .seconds("two new instances started", startedAfter)
                    .seconds("new instances started and equal", replayTook)
                    .publish();
            assertThat(rebuilt).as("public-web after its operator rebuild").isEqualTo(publicCatalog);
            assertThat(replayedCopy).as("submission-service's published copy, replayed").isEqualTo(publishedCopy);
            assertThat(replayedStatuses).as("submission statuses, replayed").isEqualTo(statuses);
            assertThat(replayedQueue).as("curation's review queue, replayed").isEqualTo(queue);
        } finally {
            CompletableFuture.allOf(CompletableFuture.runAsync(freshSubmission::stop),
                    CompletableFuture.runAsync(freshCuration::stop)).join();
        }
    }

    /** Waits until nothing is in flight: outboxes empty, every submission queued and decided everywhere. */
    private void quiesce() {
        Instant deadline = Instant.now().plus(CONVERGE_LIMIT);
        String state = "";
        while (Instant.now().isBefore(deadline)) {
            long pending = faults.pendingOutbox(faults.submission()) + faults.pendingOutbox(faults.curation());
            long submitted = faults.count(faults.submission(), "SELECT count(*) FROM submission");
            long queued = faults.count(faults.curation(), "SELECT count(*) FROM review_item");
            long decidedInCuration = faults.count(faults.curation(),
                    "SELECT count(*) FROM review_item WHERE status IN ('ACCEPTED', 'REJECTED', 'CHANGES_REQUESTED')");
            long decidedInSubmission = faults.count(faults.submission(),
                    "SELECT count(*) FROM submission WHERE status IN ('ACCEPTED', 'REJECTED', 'CHANGES_REQUESTED')");
            long curatedVersions = faults.count(faults.curation(), "SELECT coalesce(sum(current_version), 0) FROM resource");
            long copiedVersions = faults.count(faults.submission(), "SELECT coalesce(sum(version), 0) FROM published_entry");
            state = "pending outbox %d, submitted %d / queued %d, decided %d / %d, versions %d / %d".formatted(pending,
                    submitted, queued, decidedInCuration, decidedInSubmission, curatedVersions, copiedVersions);
            if (pending == 0 && submitted == queued && decidedInCuration == decidedInSubmission
                    && curatedVersions == copiedVersions) {
                FaultCatalogCheck.publicMatchesCuration(faults, CONVERGE_LIMIT);
                return;
            }
            Quietly.sleep(500);
        }
        throw new AssertionError("the stack did not settle within " + CONVERGE_LIMIT + ": " + state);
    }

    /** A copy of a service's database (taken while it runs) with the statements applied to the copy. */
    private CatalogStack.StackDatabase copyWithoutReplayedData(ServiceProcess service, String copy, String reset)
            throws SQLException {
        String jdbcUrl = faults.postgres.copyDatabase(faults.stack.database(service).name(), copy);
        try (Connection c = faults.postgres.connect(copy); Statement s = c.createStatement()) {
            s.execute(reset);
        }
        return new CatalogStack.StackDatabase(copy, jdbcUrl);
    }

    /** Recomputes {@code checksum} until it equals {@code expected} or time runs out; answers the last value. */
    private static String converge(Supplier<String> checksum, String expected) {
        Instant deadline = Instant.now().plus(CONVERGE_LIMIT);
        String last = checksum.get();
        while (!last.equals(expected) && Instant.now().isBefore(deadline)) {
            Quietly.sleep(1000);
            last = checksum.get();
        }
        return last;
    }

    private com.fasterxml.jackson.databind.JsonNode adminStatus(ServiceProcess publicWeb) {
        return Http.get(publicWeb.url() + "/admin/rebuild", admin()).json();
    }

    private String[] admin() {
        return faults.asAdmin();
    }

    private static String shortForms(String... checksums) {
        return String.join(" / ", java.util.Arrays.stream(checksums)
                .map(c -> c.length() >= 16 ? Checksums.shortForm(c) : c).toList());
    }

}
