package org.imagingcatalog.curation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;
import static org.imagingcatalog.curation.support.WebSession.fields;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.model.validation.ResourceReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CuratorPagesTest {

    @TestHTTPResource("/")
    URL base;

    WebSession curator;

    @BeforeEach
    void login() {
        curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
    }

    @Test
    void theQueueListsSubmissionsWithCountsAndFilters() {
        String id = Submissions.uniqueId("page");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(id), "add it");
        awaitQueued(event.submissionId());
        HttpResponse<String> queue = curator.get("/");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("<h1>Review queue</h1>", "/review/" + event.submissionId(), "RECEIVED",
                "/assets/catalog.css", "Skip to content");
        assertThat(curator.get("/?kind=WITHDRAWAL").body()).doesNotContain("/review/" + event.submissionId());
        assertThat(curator.get("/?status=RECEIVED&kind=NEW").body()).contains("/review/" + event.submissionId());
    }

    @Test
    void aCuratorReviewsEditsAndAcceptsANewResourceThroughTheForms() {
        String id = Submissions.uniqueId("form");
        Resource proposal = CurationApi.sample(id);
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, proposal, "add it");
        awaitQueued(event.submissionId());

        String review = curator.get("/review/" + event.submissionId()).body();
        assertThat(review).contains("Proposed resource", proposal.name(), "name=\"csrf-token\"", "Accept", "Reject");
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().body("status", equalTo("RECEIVED"));

        String token = curator.csrfToken("/review/" + event.submissionId());
        Map<String, String> form = new LinkedHashMap<>(ResourceReader.toForm(proposal));
        form.put("csrf-token", token);
        form.put("outcome", "ACCEPT");
        form.put("message", "Thanks!");
        form.put("url", "not a url");
        HttpResponse<String> invalid = curator.post("/review/" + event.submissionId(), form);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"f-url-error\"", "aria-invalid=\"true\"", "Nothing was decided");

        form.put("url", "https://data.example.org/fixed/" + id);
        form.put("ct", "Y");
        HttpResponse<String> accepted = curator.post("/review/" + event.submissionId(), form);
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).contains("/resources/" + id);

        String history = curator.get("/resources/" + id + "?accepted=" + event.submissionId()).body();
        assertThat(history).contains("Submission accepted: version 1", "id=\"version-1\"", "Thanks!",
                event.submissionId().toString().substring(0, 8));
        asCurator().get("/api/v1/resources/{id}/versions/1", id).then()
                .body("snapshot.modalities.ct", equalTo("Y")).body("snapshot.url", equalTo("https://data.example.org/fixed/" + id));
    }

    @Test
    void aStaleEditShowsBothVersionsAndSavesNothing() {
        String id = CurationApi.createResource("stale");
        String token = curator.csrfToken("/resources/" + id + "/edit");
        Map<String, String> form = new LinkedHashMap<>(ResourceReader.toForm(CurationApi.sample(id)));
        form.put("csrf-token", token);
        form.put("baseVersion", "1");
        form.put("name", "Name from the web form");
        form.put("reason", "the name on the web site");

        // another curator saves version 2 through the API meanwhile
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Name from the API", "reason", "api"))
                .put("/api/v1/resources/{id}", id).then().statusCode(200);

        HttpResponse<String> stale = curator.post("/resources/" + id + "/edit", form);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.body()).contains("Someone saved version 2 while you edited version 1",
                "Name from the web form", "Name from the API", "name=\"baseVersion\" value=\"2\"");
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(2));

        HttpResponse<String> saved = curator.post("/resources/" + id + "/edit",
                withBase(form, "2", curator.csrfToken("/resources/" + id + "/edit")));
        assertThat(saved.statusCode()).isEqualTo(303);
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(3))
                .body("snapshot.name", equalTo("Name from the web form"));
    }

    @Test
    void theEditFormNeedsAReasonAndShowsTheEnteredValuesAgainWithoutOne() {
        String id = CurationApi.createResource("editreason");
        String edit = curator.get("/resources/" + id + "/edit").body();
        assertThat(edit).contains("name=\"reason\"", "required");
        Map<String, String> form = WebSession.formValues(edit, "/resources/" + id + "/edit");
        form.put("name", "A name typed <by> the curator");
        form.put("reason", "  ");
        HttpResponse<String> refused = curator.post("/resources/" + id + "/edit", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was saved", "id=\"reason-error\"", "Give a reason",
                "value=\"A name typed &lt;by&gt; the curator\"", "name=\"baseVersion\" value=\"1\"");
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));

        form.put("reason", "the official name");
        assertThat(curator.post("/resources/" + id + "/edit", form).statusCode()).isEqualTo(303);
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(2))
                .body("snapshot.name", equalTo("A name typed <by> the curator")).body("reason", equalTo("the official name"));
    }

    @Test
    void historyFormsRevertWithdrawAndRestoreWithAReason() {
        String id = CurationApi.createResource("forms");
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Second name", "reason", "renamed")).put("/api/v1/resources/{id}", id)
                .then().statusCode(200);
        String token = curator.csrfToken("/resources/" + id);
        assertThat(curator.post("/resources/" + id + "/withdraw", fields("csrf-token", token, "reason", "")).statusCode())
                .isEqualTo(400);
        assertThat(curator.post("/resources/" + id + "/revert", fields("csrf-token", token, "toVersion", 1, "reason", "undo"))
                .statusCode()).isEqualTo(303);
        assertThat(curator.post("/resources/" + id + "/withdraw", fields("csrf-token", token, "reason", "offline"))
                .statusCode()).isEqualTo(303);
        assertThat(curator.post("/resources/" + id + "/restore", fields("csrf-token", token, "reason", "online"))
                .statusCode()).isEqualTo(303);
        String page = curator.get("/resources/" + id).body();
        assertThat(page).contains("id=\"version-5\"", "offline", "online", "reverted to version 1: undo");
        String diff = curator.get("/resources/" + id + "/diff?from=1&to=2").body();
        assertThat(diff).contains("Second name", "Collection " + id);
        String audit = curator.get("/audit").body();
        assertThat(audit).contains("REVERT", "WITHDRAW", "RESTORE", "LOGIN", id);
    }

    @Test
    void aCorrectionIsShownFieldByFieldAgainstTheCurrentVersion() {
        String id = CurationApi.createResource("diffpage");
        Resource current = CurationApi.sample(id);
        Resource proposal = new Resource(id, "Better name " + id, current.url(), current.description(), current.provider(),
                new org.imagingcatalog.model.Modalities(org.imagingcatalog.model.Availability.Y,
                        current.modalities().xray(), current.modalities().mri(), current.modalities().ultrasound()),
                current.metadata(), current.caseReview(), current.license(), current.access(), current.formats(),
                current.counts(), current.annotations(), current.tags(), null, null);
        SubmissionReceived event = Submissions.send(SubmissionKind.CORRECTION, id, proposal, "CT too");
        awaitQueued(event.submissionId());
        String page = curator.get("/review/" + event.submissionId()).body();
        assertThat(page).contains("Proposed changes", "Current version compared with the proposal",
                "<th scope=\"row\">CT</th><td class=\"diff-before\">U</td><td class=\"diff-after\">Y</td>",
                "<td class=\"diff-before\">Collection " + id + "</td><td class=\"diff-after\">Better name " + id + "</td>");
        assertThat(page).contains("value=\"" + id + "\" readonly");
    }

    @Test
    void likelyDuplicatesAreFlaggedWithLinks() {
        String existing = CurationApi.createResource("dup");
        String sameUrl = Submissions.uniqueId("dup-url");
        Resource byUrl = new Resource(sameUrl, "Something else entirely", "http://www.DATA.example.org/" + existing + "/?ref=x",
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        SubmissionReceived urlEvent = Submissions.send(SubmissionKind.NEW, null, byUrl, null);
        Resource byName = new Resource(Submissions.uniqueId("dup-name"), "Collection " + existing + "!",
                "https://elsewhere.example.com/x", null, null, null, null, null, null, null, null, null, null, null, null, null);
        SubmissionReceived nameEvent = Submissions.send(SubmissionKind.NEW, null, byName, null);
        awaitQueued(urlEvent.submissionId());
        awaitQueued(nameEvent.submissionId());

        assertThat(curator.get("/review/" + urlEvent.submissionId()).body())
                .contains("Possible duplicates", "href=\"/resources/" + existing + "\"", "same URL");
        assertThat(curator.get("/review/" + nameEvent.submissionId()).body())
                .contains("Possible duplicates", "href=\"/resources/" + existing + "\"", "similar name");
    }

    @Test
    void rejectingThroughTheFormNeedsAMessageAndIsAudited() {
        String id = Submissions.uniqueId("reject");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(id), null);
        awaitQueued(event.submissionId());
        String token = curator.csrfToken("/review/" + event.submissionId());
        HttpResponse<String> noMessage = curator.post("/review/" + event.submissionId(),
                fields("csrf-token", token, "outcome", "REJECT", "message", ""));
        assertThat(noMessage.statusCode()).isEqualTo(400);
        assertThat(noMessage.body()).contains("id=\"message-error\"");
        HttpResponse<String> rejected = curator.post("/review/" + event.submissionId(),
                fields("csrf-token", token, "outcome", "REJECT", "message", "Not an imaging data set."));
        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(curator.get("/review/" + event.submissionId()).body())
                .contains("REJECTED by curator", "Not an imaging data set.");
        assertThat(curator.get("/audit?action=DECISION").body())
                .contains("submission " + event.submissionId(), "REJECT NEW");
    }

    @Test
    void aFormOver64KibIsRefusedWithAPageThatSaysWhy() {
        String id = CurationApi.createResource("bigform");
        String token = curator.csrfToken("/resources/" + id + "/edit");
        HttpResponse<String> refused = curator.post("/resources/" + id + "/edit",
                fields("csrf-token", token, "baseVersion", 1, "description", "x".repeat(70_000)));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(refused.body()).contains("Too much text", "at most 65536 bytes (64 KiB) are accepted",
                "Nothing was stored or changed.", "Shorten the longest fields");
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));
    }

    private static Map<String, String> withBase(Map<String, String> form, String base, String token) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put("baseVersion", base);
        copy.put("csrf-token", token);
        return copy;
    }
}
