package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;
import static org.imagingcatalog.curation.support.CurationApi.queueItemsFor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IntakeAndDecisionTest {

    @Test
    void aSubmissionSentTwiceIsOneQueueItemAndAcceptingItPublishesVersionOneAndTheDecision() {
        String id = Submissions.uniqueId("intake");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(id), "please add");
        Submissions.send(event);
        awaitQueued(event.submissionId());
        Submissions.send(event);

        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("proposed.name", equalTo("Collection " + id));

        asCurator().body(Map.of("outcome", "ACCEPT", "message", "Thanks, added.",
                        "edits", Map.of("description", "Edited by the curator.", "modalities", Map.of("mri", "Y"))))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("resourceId", equalTo(id)).body("resultingVersion", equalTo(1));

        assertThat(queueItemsFor(event.submissionId())).isEqualTo(1);
        EntryVersionPublished entry = single(entries(id, 1), EntryVersionPublished.class);
        assertThat(entry.version()).isEqualTo(1);
        assertThat(entry.status()).isEqualTo(ResourceStatus.ACTIVE);
        assertThat(entry.snapshot().description()).isEqualTo("Edited by the curator.");
        assertThat(entry.snapshot().modalities().mri()).isEqualTo(Availability.Y);
        assertThat(entry.snapshot().modalities().xray()).isEqualTo(Availability.Y);
        assertThat(entry.sourceSubmissionId()).isEqualTo(event.submissionId());
        assertThat(entry.changedFields()).contains("name", "url", "modalities.mri");
        assertThat(entry.reason()).isEqualTo("Thanks, added.");

        SubmissionDecided decided = single(decisions(event.submissionId(), 1), SubmissionDecided.class);
        assertThat(decided.outcome()).isEqualTo(DecisionOutcome.ACCEPT);
        assertThat(decided.resultingVersion()).isEqualTo(1);
        assertThat(decided.resourceId()).isEqualTo(id);
        assertThat(decided.message()).isEqualTo("Thanks, added.");

        // the same event once more, after the decision: still one item, still decided
        Submissions.send(event);
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void acceptingACorrectionMakesTheNextVersionWithASummaryOfTheChange() {
        String id = CurationApi.createResource("corr");
        Resource current = CurationApi.sample(id);
        Resource proposal = new Resource(id, current.name(), current.url(), current.description(), current.provider(),
                new Modalities(Availability.Y, Availability.Y, Availability.N, Availability.U), current.metadata(),
                current.caseReview(), current.license(), current.access(), current.formats(), current.counts(),
                current.annotations(), current.tags(), null, null);
        SubmissionReceived event = Submissions.send(SubmissionKind.CORRECTION, id, proposal, "CT is available");
        awaitQueued(event.submissionId());

        asCurator().body(Map.of("outcome", "ACCEPT", "message", "Confirmed on the site."))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200).body("resultingVersion", equalTo(2));

        List<ConsumerRecord<String, String>> entries = entries(id, 2);
        assertThat(entries).hasSize(2);
        EntryVersionPublished v2 = EventJson.read(entries.get(1).value(), EntryVersionPublished.class);
        assertThat(EventSchemaCheck.violations(EntryVersionPublished.class, entries.get(1).value())).isEmpty();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.changedFields()).containsExactly("modalities.ct");
        assertThat(v2.summary()).isEqualTo("CT changed from U to Y");
        assertThat(v2.sourceSubmissionId()).isEqualTo(event.submissionId());
        SubmissionDecided decided = single(decisions(event.submissionId(), 1), SubmissionDecided.class);
        assertThat(decided.resultingVersion()).isEqualTo(2);

        asCurator().get("/api/v1/resources/{id}/versions", id).then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("[1].snapshot.modalities.ct", equalTo("Y"))
                .body("[1].sourceSubmissionId", equalTo(event.submissionId().toString()));
    }

    @Test
    void acceptingAWithdrawalMakesAWithdrawnVersion() {
        String id = CurationApi.createResource("wd");
        SubmissionReceived event = Submissions.send(SubmissionKind.WITHDRAWAL, id, null, "The site is gone.");
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT"))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200).body("resultingVersion", equalTo(2));
        EntryVersionPublished v2 = EventJson.read(entries(id, 2).get(1).value(), EntryVersionPublished.class);
        assertThat(v2.status()).isEqualTo(ResourceStatus.WITHDRAWN);
        assertThat(v2.reason()).isEqualTo("The site is gone.");
        assertThat(v2.changedFields()).containsExactly("status");
    }

    @Test
    void anAcceptedWithdrawalKeepsTheContributorsReasonWithTheCuratorsMessageBesideIt() {
        String id = CurationApi.createResource("wd-reason");
        SubmissionReceived event = Submissions.send(SubmissionKind.WITHDRAWAL, id, null, "The site is gone.");
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT", "message", "Checked: the host no longer answers."))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200).body("resultingVersion", equalTo(2));
        EntryVersionPublished v2 = EventJson.read(entries(id, 2).get(1).value(), EntryVersionPublished.class);
        assertThat(v2.status()).isEqualTo(ResourceStatus.WITHDRAWN);
        assertThat(v2.reason()).contains("The site is gone.").contains("Checked: the host no longer answers.");
        asCurator().get("/api/v1/resources/{id}/versions/2", id).then()
                .body("reason", equalTo(v2.reason()));
    }

    @Test
    void rejectingOrRequestingChangesNeedsAMessageAndPublishesOnlyTheDecision() {
        String id = Submissions.uniqueId("rej");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(id), null);
        awaitQueued(event.submissionId());

        asCurator().body(Map.of("outcome", "REJECT")).post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("message"));
        asCurator().body(Map.of("outcome", "MAYBE", "message", "x")).post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(400).body("errors.field", hasItem("outcome"));
        asCurator().body(Map.of("outcome", "REQUEST_CHANGES", "message", "Please add the licence."))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200).body("status", equalTo("CHANGES_REQUESTED"));
        asCurator().body(Map.of("outcome", "ACCEPT", "message", "changed my mind"))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(409).contentType("application/problem+json");

        SubmissionDecided decided = single(decisions(event.submissionId(), 1), SubmissionDecided.class);
        assertThat(decided.outcome()).isEqualTo(DecisionOutcome.REQUEST_CHANGES);
        assertThat(decided.resultingVersion()).isNull();
        asCurator().get("/api/v1/resources/{id}/versions", id).then().statusCode(404);
    }

    @Test
    void invalidEditsAreRefusedByFieldAndChangeNothing() {
        String id = Submissions.uniqueId("bad");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(id), null);
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT", "edits", Map.of("url", "not a url", "modalities", Map.of("ct", "maybe"))))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url")).body("errors.field", hasItem("modalities.ct"));
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().body("status", equalTo("RECEIVED"));
        asCurator().get("/api/v1/resources/{id}/versions", id).then().statusCode(404);
    }

    @Test
    void aCorrectionOfAnUnknownResourceCannotBeAcceptedOnlyRejected() {
        String unknown = Submissions.uniqueId("unknown");
        SubmissionReceived event = Submissions.send(SubmissionKind.CORRECTION, unknown, CurationApi.sample(unknown), null);
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT")).post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(unknown));
        asCurator().body(Map.of("outcome", "REJECT", "message", "No such entry."))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200);
        asCurator().get("/api/v1/resources/{id}/versions", unknown).then().statusCode(404);
    }

    @Test
    void theQueueFiltersByKindAndStatusAndCounts() {
        String id = Submissions.uniqueId("filter");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(id), null);
        awaitQueued(event.submissionId());
        List<String> kinds = asCurator().queryParam("kind", "NEW").get("/api/v1/queue").then().statusCode(200)
                .extract().jsonPath().getList("items.kind", String.class);
        assertThat(kinds).isNotEmpty().containsOnly("NEW");
        asCurator().queryParam("status", "RECEIVED").get("/api/v1/queue").then().statusCode(200)
                .body("items.submissionId", hasItem(event.submissionId().toString()));
        asCurator().queryParam("status", "ACCEPTED").get("/api/v1/queue").then().statusCode(200)
                .body("items.submissionId", org.hamcrest.Matchers.not(hasItem(event.submissionId().toString())));
        asCurator().queryParam("status", "NOPE").get("/api/v1/queue").then().statusCode(400).body("errors.field", hasItem("status"));
        asCurator().get("/api/v1/queue").then().body("counts.RECEIVED", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    static List<ConsumerRecord<String, String>> entries(String resourceId, int expected) {
        return read(Topics.ENTRIES, resourceId, expected);
    }

    static List<ConsumerRecord<String, String>> decisions(UUID submissionId, int expected) {
        return read(Topics.DECISIONS, submissionId.toString(), expected);
    }

    private static List<ConsumerRecord<String, String>> read(String topic, String key, int expected) {
        return TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(), topic,
                records -> records.stream().filter(r -> key.equals(r.key())).count() >= expected, Duration.ofSeconds(20))
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    private static <T extends org.imagingcatalog.model.events.CatalogEvent> T single(
            List<ConsumerRecord<String, String>> records, Class<T> type) {
        assertThat(records).as("exactly one %s", type.getSimpleName()).hasSize(1);
        assertThat(EventSchemaCheck.violations(type, records.get(0).value())).isEmpty();
        return EventJson.read(records.get(0).value(), type);
    }
}
