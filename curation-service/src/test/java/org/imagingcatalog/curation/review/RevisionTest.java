package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;
import static org.imagingcatalog.curation.support.WebSession.fields;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.curation.support.Consumers;
import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** After "request changes" the contributor revises; each revision comes back to the queue, every round is kept. */
@QuarkusTest
class RevisionTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void eachRevisionComesBackAsTheNextRoundWithTheDiffFromThePreviousOne() {
        String id = Submissions.uniqueId("rev");
        Resource first = CurationApi.sample(id);
        SubmissionReceived round1 = Submissions.send(SubmissionKind.NEW, null, first, "please add");
        awaitQueued(round1.submissionId());
        requestChanges(round1.submissionId(), "Please give the provider's full name.");

        // deciding again while the contributor revises: refused, saying why
        asCurator().body(Map.of("outcome", "ACCEPT")).post("/api/v1/submissions/{id}/decision", round1.submissionId())
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("contributor is revising"));
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String token = curator.csrfToken("/resources/" + CurationApi.createResource("rev-csrf"));
        HttpResponse<String> formDecision = curator.post("/review/" + round1.submissionId(),
                fields("csrf-token", token, "outcome", "REJECT", "message", "no"));
        assertThat(formDecision.statusCode()).isEqualTo(409);
        assertThat(formDecision.body()).contains("contributor is revising");

        Resource second = withProvider(first, "Example University, Department of Radiology");
        Submissions.sendRevision(round1, second, null, "full name given", 2);
        awaitRevision(round1.submissionId(), 2);
        JsonPath item = asCurator().get("/api/v1/submissions/{id}", round1.submissionId()).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("revision", equalTo(2))
                .body("proposed.provider", equalTo("Example University, Department of Radiology"))
                .body("comment", equalTo("full name given")).body("decisionMessage", equalTo(null))
                .extract().jsonPath();
        assertThat(item.getList("rounds.revision", Integer.class)).containsExactly(1, 2);
        assertThat(item.getString("rounds[0].outcome")).isEqualTo("REQUEST_CHANGES");
        assertThat(item.getString("rounds[0].decisionMessage")).isEqualTo("Please give the provider's full name.");
        assertThat(item.getString("rounds[0].proposed.provider")).isEqualTo("Example University");
        assertThat(item.getString("rounds[0].comment")).isEqualTo("please add");
        assertThat(CurationApi.allQueueItems().stream().filter(i -> round1.submissionId().toString().equals(i.get("submissionId"))))
                .singleElement().satisfies(i -> assertThat(i.get("revision")).isEqualTo(2));

        String page = curator.get("/review/" + round1.submissionId()).body();
        assertThat(page).contains("Revision 2", "Changes since revision 1",
                "<th scope=\"row\">provider</th><td class=\"diff-before\">Example University</td>"
                        + "<td class=\"diff-after\">Example University, Department of Radiology</td>",
                "Please give the provider&#39;s full name.");
        assertThat(curator.get("/").body()).contains("Revision 2");

        // the same round again, or an older one: a duplicate that changes nothing
        Submissions.sendRevision(round1, withProvider(first, "Duplicate"), null, "dup", 2);
        Submissions.send(round1);
        Consumers.awaitCaughtUp();
        asCurator().get("/api/v1/submissions/{id}", round1.submissionId()).then()
                .body("revision", equalTo(2)).body("status", equalTo("RECEIVED"))
                .body("proposed.provider", equalTo("Example University, Department of Radiology"))
                .body("rounds.size()", equalTo(2));

        // any number of rounds
        requestChanges(round1.submissionId(), "And the licence, please.");
        Resource third = new Resource(id, second.name(), second.url(), second.description(), second.provider(),
                second.modalities(), second.metadata(), second.caseReview(), "CC0-1.0", second.access(), second.formats(),
                second.counts(), second.annotations(), second.tags(), null, null);
        Submissions.sendRevision(round1, third, null, "licence added", 3);
        awaitRevision(round1.submissionId(), 3);
        assertThat(curator.get("/review/" + round1.submissionId()).body()).contains("Revision 3",
                "Changes since revision 2", "<td class=\"diff-before\">CC-BY-4.0</td><td class=\"diff-after\">CC0-1.0</td>");
        asCurator().body(Map.of("outcome", "ACCEPT", "message", "Welcome."))
                .post("/api/v1/submissions/{id}/decision", round1.submissionId()).then().statusCode(200)
                .body("resultingVersion", equalTo(1));
        asCurator().get("/api/v1/resources/{id}", id).then().body("snapshot.license", equalTo("CC0-1.0"))
                .body("snapshot.provider", equalTo("Example University, Department of Radiology"));
        JsonPath done = asCurator().get("/api/v1/submissions/{id}", round1.submissionId()).then().extract().jsonPath();
        assertThat(done.getList("rounds.outcome", String.class)).containsExactly("REQUEST_CHANGES", "REQUEST_CHANGES", "ACCEPT");
    }

    @Test
    void aRevisedCorrectionShowsHowItsPatchChanged() {
        String id = CurationApi.createResource("rev-patch");
        SubmissionReceived round1 = Submissions.sendCorrection(id, "{\"license\": \"CC0-1.0\"}", "licence");
        awaitQueued(round1.submissionId());
        requestChanges(round1.submissionId(), "Which licence exactly? The site says CC BY-NC.");
        Submissions.sendRevision(round1, null, "{\"license\": \"CC-BY-NC-4.0\", \"tags\": [\"chest\", \"non-commercial\"]}",
                "sorry, NC", 2);
        awaitRevision(round1.submissionId(), 2);
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String page = curator.get("/review/" + round1.submissionId()).body();
        assertThat(page).contains("Revision 2", "Changes since revision 1",
                "<td class=\"diff-before\">CC0-1.0</td><td class=\"diff-after\">CC-BY-NC-4.0</td>",
                "<td class=\"diff-before\">chest</td><td class=\"diff-after\">chest, non-commercial</td>");
        asCurator().body(Map.of("outcome", "ACCEPT")).post("/api/v1/submissions/{id}/decision", round1.submissionId())
                .then().statusCode(200).body("resultingVersion", equalTo(2));
        asCurator().get("/api/v1/resources/{id}/versions/2", id).then()
                .body("snapshot.license", equalTo("CC-BY-NC-4.0")).body("snapshot.name", equalTo("Collection " + id));
    }

    private static void requestChanges(UUID submissionId, String message) {
        asCurator().body(Map.of("outcome", "REQUEST_CHANGES", "message", message))
                .post("/api/v1/submissions/{id}/decision", submissionId).then().statusCode(200)
                .body("status", equalTo("CHANGES_REQUESTED"));
    }

    private static void awaitRevision(UUID submissionId, int revision) {
        Submissions.await("revision " + revision + " of " + submissionId, Duration.ofSeconds(30), () -> {
            JsonPath item = asCurator().get("/api/v1/submissions/{id}", submissionId).jsonPath();
            return Integer.valueOf(revision).equals(item.get("revision")) && "RECEIVED".equals(item.getString("status"));
        });
    }

    private static Resource withProvider(Resource r, String provider) {
        return new Resource(r.id(), r.name(), r.url(), r.description(), provider, r.modalities(), r.metadata(),
                r.caseReview(), r.license(), r.access(), r.formats(), r.counts(), r.annotations(), r.tags(), null, null);
    }
}
