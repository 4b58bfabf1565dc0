package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A correction is a JSON Merge Patch: accepted, it changes only the fields it names, on the version current then. */
@QuarkusTest
class CorrectionPatchTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aPartialCorrectionAcceptedChangesOnlyWhatItNamesOnTheVersionCurrentAtTheDecision() {
        String id = CurationApi.createResource("patch");
        SubmissionReceived event = Submissions.sendCorrection(id, "{\"modalities\": {\"ct\": \"Y\"}, \"counts\": {\"studies\": 12}}",
                "CT is available; 12 studies");
        awaitQueued(event.submissionId());
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().statusCode(200)
                .body("patch.modalities.ct", equalTo("Y")).body("proposed", nullValue());

        // meanwhile a curator edits another field directly: version 2
        asCurator().header("If-Match", "\"1\"").body(Map.of("description", "Edited meanwhile.", "reason", "clarified"))
                .put("/api/v1/resources/{id}", id).then().statusCode(200).body("version", equalTo(2));

        asCurator().body(Map.of("outcome", "ACCEPT", "message", "Confirmed on the site."))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200).body("resourceId", equalTo(id)).body("resultingVersion", equalTo(3));

        JsonPath v2 = asCurator().get("/api/v1/resources/{id}/versions/2", id).then().statusCode(200).extract().jsonPath();
        JsonPath v3 = asCurator().get("/api/v1/resources/{id}/versions/3", id).then().statusCode(200).extract().jsonPath();
        assertThat(v3.getList("changedFields", String.class)).containsExactlyInAnyOrder("modalities.ct", "counts.studies");
        Map<String, Object> expected = new LinkedHashMap<>(v2.getMap("snapshot"));
        expected.put("version", 3);
        Map<String, Object> modalities = new LinkedHashMap<>(v2.getMap("snapshot.modalities"));
        modalities.put("ct", "Y");
        expected.put("modalities", modalities);
        Map<String, Object> counts = new LinkedHashMap<>(v2.getMap("snapshot.counts"));
        counts.put("studies", 12);
        expected.put("counts", counts);
        assertThat(v3.getMap("snapshot")).as("every field the patch does not name is as in version 2")
                .isEqualTo(expected);
        assertThat(v3.getString("snapshot.description")).isEqualTo("Edited meanwhile.");
        assertThat(v3.getString("sourceSubmissionId")).isEqualTo(event.submissionId().toString());
    }

    @Test
    void theCuratorsEditsApplyOnTopOfThePatch() {
        String id = CurationApi.createResource("patch-edit");
        SubmissionReceived event = Submissions.sendCorrection(id, "{\"license\": \"CC0-1.0\"}", "it is CC0");
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT", "edits", Map.of("tags", List.of("chest", "x-ray"))))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200).body("resultingVersion", equalTo(2));
        JsonPath v2 = asCurator().get("/api/v1/resources/{id}/versions/2", id).then().extract().jsonPath();
        assertThat(v2.getList("changedFields", String.class)).containsExactlyInAnyOrder("license", "tags");
        assertThat(v2.getString("snapshot.name")).isEqualTo("Collection " + id);
    }

    @Test
    void theReviewPageShowsOnlyTheFieldsThePatchTouches() {
        String id = CurationApi.createResource("patch-page");
        SubmissionReceived event = Submissions.sendCorrection(id, "{\"license\": \"CC0-1.0\", \"counts\": {\"patients\": null}}",
                "licence & counts");
        awaitQueued(event.submissionId());
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String page = curator.get("/review/" + event.submissionId()).body();
        assertThat(page).contains("Proposed changes",
                "<th scope=\"row\">license</th><td class=\"diff-before\">CC-BY-4.0</td><td class=\"diff-after\">CC0-1.0</td>",
                "<th scope=\"row\">patient count</th><td class=\"diff-before\">100</td><td class=\"diff-after\">—</td>",
                "licence &amp; counts");
        assertThat(page.split("class=\"diff-before\"", -1)).as("one row per field the patch names").hasSize(3);
        assertThat(page).doesNotContain("<th scope=\"row\">name</th>", "<th scope=\"row\">description</th>");
    }

    @Test
    void acceptedThroughTheFormAConcurrentEditOfAnotherFieldIsKept() {
        String id = CurationApi.createResource("patch-form");
        SubmissionReceived event = Submissions.sendCorrection(id, "{\"provider\": \"Another University\"}", "moved");
        awaitQueued(event.submissionId());
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String page = curator.get("/review/" + event.submissionId()).body();
        Map<String, String> form = WebSession.formValues(page, "/review/" + event.submissionId());
        assertThat(form).containsEntry("provider", "Another University").containsEntry("name", "Collection " + id);

        // another curator renames the entry while this one reads the review page
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Renamed meanwhile", "reason", "official name"))
                .put("/api/v1/resources/{id}", id).then().statusCode(200);

        form.put("license", "CC0-1.0"); // the curator's own edit on top
        form.put("outcome", "ACCEPT");
        form.put("message", "Thanks.");
        HttpResponse<String> accepted = curator.post("/review/" + event.submissionId(), form);
        assertThat(accepted.statusCode()).isEqualTo(303);
        asCurator().get("/api/v1/resources/{id}", id).then().statusCode(200).body("version", equalTo(3))
                .body("snapshot.name", equalTo("Renamed meanwhile"))
                .body("snapshot.provider", equalTo("Another University"))
                .body("snapshot.license", equalTo("CC0-1.0"));
    }

    @Test
    void aPatchThatCannotApplyIsRefusedByFieldAndChangesNothing() {
        String id = CurationApi.createResource("patch-bad");
        SubmissionReceived event = Submissions.sendCorrection(id, "{\"name\": null, \"colour\": \"red\"}", null);
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT")).post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("proposed.name")).body("errors.field", hasItem("proposed.colour"));
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().body("status", equalTo("RECEIVED"));
        asCurator().body(Map.of("outcome", "REJECT", "message", "The name cannot be removed."))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200);
    }
}
