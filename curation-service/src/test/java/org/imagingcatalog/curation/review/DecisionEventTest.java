package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Accepting a NEW proposal tells the contributor which entry and version it became, whoever chose the id. */
@QuarkusTest
class DecisionEventTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theDecisionCarriesTheIdTheCuratorChoseThroughTheApi() {
        String proposedId = Submissions.uniqueId("proposed");
        String chosenId = Submissions.uniqueId("chosen");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(proposedId), null);
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT", "edits", Map.of("id", chosenId)))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200)
                .body("resourceId", equalTo(chosenId)).body("resultingVersion", equalTo(1));
        SubmissionDecided decided = decision(event.submissionId());
        assertThat(decided.outcome()).isEqualTo(DecisionOutcome.ACCEPT);
        assertThat(decided.resourceId()).isEqualTo(chosenId);
        assertThat(decided.resultingVersion()).isEqualTo(1);
        asCurator().get("/api/v1/resources/{id}", chosenId).then().statusCode(200);
    }

    @Test
    void theDecisionCarriesTheIdDerivedFromTheNameWhenTheProposalHasNone() {
        String name = "Derived " + UUID.randomUUID().toString().substring(0, 8);
        Resource noId = new Resource(null, name, "https://data.example.org/" + UUID.randomUUID(), null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, noId, null);
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT")).post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200);
        SubmissionDecided decided = decision(event.submissionId());
        assertThat(decided.resourceId()).isEqualTo(name.toLowerCase().replace(' ', '-'));
        assertThat(decided.resultingVersion()).isEqualTo(1);
    }

    @Test
    void theDecisionCarriesTheIdTheCuratorTypedIntoTheForm() {
        String proposedId = Submissions.uniqueId("form-proposed");
        String chosenId = Submissions.uniqueId("form-chosen");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(proposedId), null);
        awaitQueued(event.submissionId());
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        Map<String, String> form = WebSession.formValues(curator.get("/review/" + event.submissionId()).body(),
                "/review/" + event.submissionId());
        form.put("id", chosenId);
        form.put("outcome", "ACCEPT");
        HttpResponse<String> accepted = curator.post("/review/" + event.submissionId(), form);
        assertThat(accepted.statusCode()).isEqualTo(303);
        SubmissionDecided decided = decision(event.submissionId());
        assertThat(decided.resourceId()).isEqualTo(chosenId);
        assertThat(decided.resultingVersion()).isEqualTo(1);
    }

    private static SubmissionDecided decision(UUID submissionId) {
        String key = submissionId.toString();
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(),
                Topics.DECISIONS, rs -> rs.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(20))
                .stream().filter(r -> key.equals(r.key())).toList();
        assertThat(records).hasSize(1);
        assertThat(EventSchemaCheck.violations(SubmissionDecided.class, records.get(0).value())).isEmpty();
        return EventJson.read(records.get(0).value(), SubmissionDecided.class);
    }
}
