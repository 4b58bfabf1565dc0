package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 16's checks of a proposal against itself: counts that cannot all be true, a flag its description denies. */
@QuarkusTest
class SelfContradictionCheckTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void contradictingCountsAndADeniedModalityAreShownOnTheQueueTheApiAndTheReviewPage() {
        String id = Submissions.uniqueId("self-check");
        Resource proposed = new Resource(id, "Self check " + id, "https://data.example.org/" + id,
                "Chest CT scans of 2,000 patients.", "Example University",
                new Modalities(Availability.N, Availability.Y, Availability.U, Availability.U), Availability.Y,
                Availability.N, "CC-BY-4.0", Access.OPEN, List.of("PNG"), new Counts(2000L, 1000L, null), List.of(),
                List.of(), null, null);
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, proposed, "please add");
        awaitQueued(event.submissionId());

        Map<String, Object> item = CurationApi.allQueueItems().stream()
                .filter(i -> event.submissionId().toString().equals(i.get("submissionId"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) item.get("checks");
        assertThat(checks).extracting(c -> c.get("code"), c -> c.get("severity"), c -> c.get("field")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("COUNTS_CONTRADICT", "WARNING", "counts.patients"),
                org.assertj.core.groups.Tuple.tuple("FLAG_CONTRADICTS_DESCRIPTION", "INFO", "modalities.ct"));
        assertThat(checks.get(0).get("message"))
                .isEqualTo("It states more patients (2,000) than images (1,000), but every patient has at least one image.");
        assertThat(checks).allSatisfy(c -> assertThat(c.get("resourceId")).isNull());

        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String review = curator.get("/review/" + event.submissionId()).body();
        assertThat(review).contains("<h2>What the checks found in the proposal</h2>",
                "It states more patients (2,000) than images (1,000)", "The description mentions CT (&quot;CT&quot;)")
                .doesNotContain("<h2>Already in the catalog</h2>");
        assertThat(curator.get("/?kind=NEW&size=200").body()).contains("2 to check");

        asCurator().body(Map.of("outcome", "REQUEST_CHANGES", "message", "Which count is right?"))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200);
    }
}
