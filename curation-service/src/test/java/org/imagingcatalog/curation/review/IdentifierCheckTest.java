package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** A proposal whose identifier or address (in any spelling) is already in the catalog is flagged with the entry. */
@QuarkusTest
class IdentifierCheckTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aDoiSpelledDifferentlyIsFoundInTheCatalogOnTheQueueTheSubmissionAndTheReviewPage() {
        String existing = CurationApi.createResource("doi-held");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        asCurator().header("If-Match", "\"1\"")
                .body(Map.of("identifiers", List.of(Map.of("scheme", "doi", "value", "https://doi.org/10.5555/CT-" + suffix.toUpperCase())),
                        "reason", "DOI from the landing page"))
                .put("/api/v1/resources/{id}", existing).then().statusCode(200);

        // the same DOI, spelled as doi:10.x/y in lower case, in a new proposal's raw JSON
        String id = Submissions.uniqueId("doi-again");
        UUID submission = sendNew(id, "doi:10.5555/ct-" + suffix);
        awaitQueued(submission);
        String expected = "identifiers[0] doi 10.5555/ct-" + suffix + " is already in the catalog: " + existing
                + " has it as identifiers[0] doi 10.5555/ct-" + suffix;

        Map<String, Object> item = CurationApi.allQueueItems().stream()
                .filter(i -> submission.toString().equals(i.get("submissionId"))).findFirst().orElseThrow();
        assertThat(item.get("checks")).isEqualTo(List.of(Map.of("code", "IDENTIFIER_IN_CATALOG", "severity", "WARNING",
                "message", expected, "resourceId", existing, "field", "identifiers[0]")));
        asCurator().get("/api/v1/submissions/{id}", submission).then().statusCode(200)
                .body("checks", hasSize(1)).body("checks[0].code", equalTo("IDENTIFIER_IN_CATALOG"))
                .body("checks[0].resourceId", equalTo(existing)).body("checks[0].message", equalTo(expected));

        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        assertThat(curator.get("/review/" + submission).body()).contains("<h2>Already in the catalog</h2>",
                "<li>" + expected + " (<a href=\"/resources/" + existing + "\">open " + existing + "</a>)</li>");
        assertThat(curator.get("/?kind=NEW&size=200").body()).contains("1 already in the catalog");

        // decided, it has nothing left to check
        asCurator().body(Map.of("outcome", "REJECT", "message", "Already in the catalog as " + existing + "."))
                .post("/api/v1/submissions/{id}/decision", submission).then().statusCode(200);
        asCurator().get("/api/v1/submissions/{id}", submission).then().body("checks", equalTo(List.of()));
    }

    @Test
    void anAddressThatIsTheDoiOfAnEntryIsFoundAndAnUnrelatedProposalIsNot() {
        String existing = CurationApi.createResource("doi-url");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        asCurator().header("If-Match", "\"1\"")
                .body(Map.of("identifiers", List.of(Map.of("scheme", "doi", "value", "10.5555/URL-" + suffix)), "reason", "DOI"))
                .put("/api/v1/resources/{id}", existing).then().statusCode(200);

        SubmissionReceived byUrl = Submissions.send(SubmissionKind.NEW, null, new org.imagingcatalog.model.Resource(
                Submissions.uniqueId("doi-link"), "Something else entirely", "http://dx.doi.org/10.5555/url-" + suffix,
                null, null, null, null, null, null, null, null, null, null, null, null, null), null);
        SubmissionReceived unrelated = Submissions.send(SubmissionKind.NEW, null,
                CurationApi.sample(Submissions.uniqueId("doi-none")), null);
        awaitQueued(byUrl.submissionId());
        awaitQueued(unrelated.submissionId());
        asCurator().get("/api/v1/submissions/{id}", byUrl.submissionId()).then().statusCode(200)
                .body("checks.field", equalTo(List.of("url"))).body("checks[0].resourceId", equalTo(existing));
        asCurator().get("/api/v1/submissions/{id}", unrelated.submissionId()).then().statusCode(200)
                .body("checks", equalTo(List.of()));
    }

    @Test
    void aCorrectionIsFlaggedForAnIdentifierItBringsNotForTheOnesItsEntryHas() {
        String holder = CurationApi.createResource("doi-holder");
        String other = CurationApi.createResource("doi-other");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        asCurator().header("If-Match", "\"1\"")
                .body(Map.of("identifiers", List.of(Map.of("scheme", "doi", "value", "10.5555/fix-" + suffix)), "reason", "DOI"))
                .put("/api/v1/resources/{id}", holder).then().statusCode(200);

        SubmissionReceived own = Submissions.sendCorrection(holder, "{\"license\": \"CC0-1.0\"}", null);
        SubmissionReceived borrowed = Submissions.sendCorrection(other,
                "{\"identifiers\": [{\"scheme\": \"doi\", \"value\": \"https://doi.org/10.5555/FIX-" + suffix + "\"}]}", null);
        awaitQueued(own.submissionId());
        awaitQueued(borrowed.submissionId());
        asCurator().get("/api/v1/submissions/{id}", own.submissionId()).then().body("checks", equalTo(List.of()));
        asCurator().get("/api/v1/submissions/{id}", borrowed.submissionId()).then()
                .body("checks.resourceId", equalTo(List.of(holder))).body("checks[0].field", equalTo("identifiers[0]"));
    }

    /** Sends a NEW proposal whose JSON carries this DOI exactly as written (the event's raw text). */
    private static UUID sendNew(String id, String doiAsWritten) {
        SubmissionReceived event = SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.NEW, null, CurationApi.sample(id),
                "found it", "Test Contributor", java.time.Instant.now());
        ObjectNode json = (ObjectNode) Submissions.json(EventJson.write(event));
        ((ObjectNode) json.get("proposed")).putArray("identifiers").addObject().put("scheme", "doi").put("value", doiAsWritten);
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.SUBMISSIONS, event.key(), json.toString());
        return event.submissionId();
    }
}
