package org.imagingcatalog.curation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;
import static org.imagingcatalog.curation.support.WebSession.fields;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reading a review changes nothing; claiming it is an explicit action the other curators see. */
@QuarkusTest
class ClaimTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void openingAReviewChangesNothingAndAClaimIsShownToTheOtherCurators() {
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null,
                CurationApi.sample(Submissions.uniqueId("claim")), null);
        awaitQueued(event.submissionId());
        String review = "/review/" + event.submissionId();

        WebSession cora = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String page = cora.get(review).body();
        assertThat(page).contains("action=\"" + review + "/claim\"", "Claim this review");
        cora.get(review);
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then()
                .body("status", equalTo("RECEIVED")).body("claimedBy", equalTo(null));

        // a claim without the form's CSRF token changes nothing
        assertThat(cora.post(review + "/claim", Map.of()).statusCode()).isEqualTo(400);
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().body("status", equalTo("RECEIVED"));

        HttpResponse<String> claimed = cora.post(review + "/claim", fields("csrf-token", cora.csrfToken(review)));
        assertThat(claimed.statusCode()).isEqualTo(303);
        assertThat(claimed.headers().firstValue("Location").orElseThrow()).endsWith(review);
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then()
                .body("status", equalTo("IN_REVIEW")).body("claimedBy", equalTo("curator"))
                .body("claimedAt", notNullValue());

        // another curator (another session) sees the claim in the queue and on the review page
        WebSession other = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String queue = other.get("/?status=IN_REVIEW&size=200").body();
        String row = queue.substring(queue.indexOf(review) - 600, queue.indexOf(review));
        assertThat(row).contains("claimed by curator");
        assertThat(other.get(review).body()).contains("Claimed by curator");

        // the API claim: the same action; claiming again is harmless
        asCurator().post("/api/v1/submissions/{id}/claim", event.submissionId()).then().statusCode(200)
                .body("status", equalTo("IN_REVIEW")).body("claimedBy", equalTo("curator"));
        String audit = other.get("/audit?action=CLAIM").body();
        assertThat(audit).contains("submission " + event.submissionId());

        // a decision needs no claim, and a decided submission cannot be claimed
        SubmissionReceived unclaimed = Submissions.send(SubmissionKind.NEW, null,
                CurationApi.sample(Submissions.uniqueId("noclaim")), null);
        awaitQueued(unclaimed.submissionId());
        asCurator().body(Map.of("outcome", "REJECT", "message", "Out of scope."))
                .post("/api/v1/submissions/{id}/decision", unclaimed.submissionId()).then().statusCode(200);
        asCurator().post("/api/v1/submissions/{id}/claim", unclaimed.submissionId()).then().statusCode(409)
                .contentType("application/problem+json");
        asCurator().post("/api/v1/submissions/{id}/claim", "not-a-uuid").then().statusCode(404);
    }
}
