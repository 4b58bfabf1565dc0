package org.imagingcatalog.curation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.Trust;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.TrustForm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Curators see and edit the trust fields in the forms like every other field, and no form path erases them. */
@QuarkusTest
class TrustFieldsPagesTest {

    @TestHTTPResource("/")
    URL base;

    WebSession curator;

    @BeforeEach
    void login() {
        curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
    }

    @Test
    void theEditFormShowsEveryTrustFieldAndSavesTheCuratorsChanges() {
        String id = CurationApi.createResource("trust-edit");
        Trust.put(id, 1, "10.5555/trust-edit");
        String path = "/resources/" + id + "/edit";
        String page = curator.get(path).body();
        assertThat(page).contains("<legend>Trust fields</legend>", "<legend>Risk of bias</legend>",
                "<legend>Relations (lineage)</legend>", "<legend>Identifiers</legend>",
                "<legend>Provenance: where each field was verified</legend>",
                "<label for=\"f-referenceStandard\">Reference standard</label>",
                "<option value=\"RT_PCR\" selected>RT_PCR: an RT-PCR test</option>",
                "id=\"f-relations[0].target\" name=\"relation.target\" type=\"text\" value=\"covid-chestxray-dataset\"",
                "aria-describedby=\"f-relations[0].target-help \"", "<legend>Relation 1</legend>",
                "<option value=\"IsDerivedFrom\" selected>IsDerivedFrom</option>",
                "id=\"f-riskOfBias.participants.reason\" name=\"rob.participants.reason\" type=\"text\" value=\"paediatric controls\"",
                "name=\"provenance.field\" type=\"text\" list=\"provenance-fields\" value=\"counts.patients\"",
                "name=\"provenance.verifiedOn\" type=\"date\" value=\"2026-12-01\"",
                "<label for=\"f-provenance[0].verifiedNow\">Source 1: verified today by me</label>");
        // one row per relation and two spare rows to add one
        assertThat(page).contains("id=\"f-relations[2].type\"").doesNotContain("id=\"f-relations[3].type\"");

        List<Map.Entry<String, String>> form = WebSession.formFields(page, path);
        set(form, "population", 0, "PAEDIATRIC");
        set(form, TrustForm.RELATION_TYPE, 1, "IsPartOf");
        set(form, TrustForm.RELATION_TARGET, 1, "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge");
        set(form, TrustForm.RELATION_NOTE, 1, "controls");
        set(form, "rob.composition", 0, "HIGH");
        set(form, "rob.composition.reason", 0, "sources share patients");
        set(form, TrustForm.IDENTIFIER_SCHEME, 0, "");
        set(form, TrustForm.IDENTIFIER_VALUE, 0, "");
        set(form, TrustForm.PROVENANCE_FIELD, 2, "population");
        set(form, TrustForm.PROVENANCE_SOURCE, 2, "https://example.org/ages");
        form.add(Map.entry("provenance.verifiedNow", "2"));
        set(form, "reason", 0, "ages and lineage checked");
        HttpResponse<String> saved = curator.postAll(path, form);
        assertThat(saved.statusCode()).isEqualTo(303);

        JsonPath v3 = asCurator().get("/api/v1/resources/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(v3.getInt("version")).isEqualTo(3);
        assertThat(v3.getList("changedFields", String.class)).containsExactlyInAnyOrder("relations", "identifiers",
                "population", "riskOfBias.composition.risk", "riskOfBias.composition.reason",
                "provenance.population.source", "provenance.population.verifiedOn", "provenance.population.verifiedBy");
        assertThat(v3.getString("snapshot.population")).isEqualTo("PAEDIATRIC");
        assertThat(v3.getList("snapshot.relations.target", String.class)).containsExactly("covid-chestxray-dataset",
                "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge");
        assertThat(v3.getList("snapshot.identifiers")).isNull();
        assertThat(v3.getString("snapshot.riskOfBias.composition.reason")).isEqualTo("sources share patients");
        assertThat(v3.getString("snapshot.provenance.population.verifiedOn"))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(v3.getString("snapshot.provenance.population.verifiedBy")).isEqualTo("curator");
        assertThat(v3.getString("snapshot.provenance.'counts.patients'.verifiedOn")).isEqualTo("2026-12-01");
        assertThat(v3.getString("snapshot.referenceStandard")).isEqualTo("RT_PCR");

        String resource = curator.get("/resources/" + id).body();
        assertThat(resource).contains("<dt>Reference standard</dt><dd class=\"trust-referenceStandard\">an RT-PCR test</dd>",
                "<dt>Population</dt><dd class=\"trust-population\">children</dd>",
                "<li>participants: <strong>HIGH</strong>: paediatric controls</li>",
                "<li>composition: <strong>HIGH</strong>: sources share patients</li>",
                "IsDerivedFrom <a href=\"/resources/covid-chestxray-dataset\" rel=\"noopener noreferrer\">covid-chestxray-dataset</a> (COVID-19 positives)",
                "IsPartOf <a href=\"https://www.kaggle.com/c/rsna-pneumonia-detection-challenge\"",
                "<caption>Where each field was verified</caption>",
                "<th scope=\"row\">patient count <span class=\"muted\">(counts.patients)</span></th><td><a href=\"https://example.org/paper\" rel=\"noopener noreferrer\">https://example.org/paper</a></td><td>2026-12-01</td><td>curator</td>",
                "<th scope=\"row\">reference standard <span class=\"muted\">(referenceStandard)</span></th>");

        String diff = curator.get("/resources/" + id + "/diff?from=2&to=3").body();
        assertThat(diff).contains("<th scope=\"row\">population</th><td class=\"diff-before\">ADULT</td><td class=\"diff-after\">PAEDIATRIC</td>",
                "<th scope=\"row\">risk of bias: composition</th><td class=\"diff-before\">—</td><td class=\"diff-after\">HIGH</td>",
                "<th scope=\"row\">risk of bias: composition, reason</th>",
                "<th scope=\"row\">population: source</th><td class=\"diff-before\">—</td><td class=\"diff-after\">https://example.org/ages</td>",
                "<th scope=\"row\">identifiers</th><td class=\"diff-before\">doi 10.5555/trust-edit</td><td class=\"diff-after\">—</td>",
                "IsPartOf https://www.kaggle.com/c/rsna-pneumonia-detection-challenge (controls)");
        assertThat(curator.get("/resources/" + id).body()).contains("relations, identifiers, population");
    }

    @Test
    void aFormWithoutTheTrustFieldsKeepsThem() {
        String id = CurationApi.createResource("trust-keep");
        Trust.put(id, 1, "10.5555/trust-keep");
        String path = "/resources/" + id + "/edit";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("csrf-token", curator.csrfToken(path));
        form.put("baseVersion", "2");
        ResourceReader.toForm(CurationApi.sample(id)).forEach((k, v) -> {
            if (!TrustForm.FIELDS.contains(k)) {
                form.put(k, v);
            }
        });
        form.put("name", "Renamed by an old form");
        form.put("reason", "a form from before the trust fields");
        assertThat(curator.post(path, form).statusCode()).isEqualTo(303);
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(3))
                .body("changedFields", equalTo(List.of("name")))
                .body("snapshot.referenceStandard", equalTo("RT_PCR"))
                .body("snapshot.relations[0].target", equalTo("covid-chestxray-dataset"))
                .body("snapshot.identifiers[0].value", equalTo("10.5555/trust-keep"))
                .body("snapshot.riskOfBias.images.risk", equalTo("LOW"))
                .body("snapshot.provenance.referenceStandard.source", equalTo("https://example.org/methods"));
    }

    @Test
    void badTrustInputIsShownNextToItsRowAndSavesNothing() {
        String id = CurationApi.createResource("trust-badform");
        String path = "/resources/" + id + "/edit";
        String page = curator.get(path).body();
        List<Map.Entry<String, String>> form = WebSession.formFields(page, path);
        set(form, TrustForm.RELATION_TYPE, 0, "IsDerivedFrom");
        set(form, TrustForm.RELATION_TARGET, 0, "not <a> target");
        set(form, "rob.images", 0, "HIGH");
        set(form, TrustForm.PROVENANCE_FIELD, 0, "counts.images");
        set(form, TrustForm.PROVENANCE_SOURCE, 0, "https://example.org/x");
        set(form, TrustForm.PROVENANCE_VERIFIED_ON, 0, "yesterday");
        set(form, "reason", 0, "trying");
        HttpResponse<String> refused = curator.postAll(path, form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was saved",
                "<a href=\"#f-relations[0].target\">relations[0].target: must be a catalog id",
                "id=\"f-relations[0].target-error\"", "value=\"not &lt;a&gt; target\"",
                "id=\"f-riskOfBias.images.reason-error\">Reason for the images judgement is required",
                "id=\"f-provenance[0].verifiedOn-error\">Source 1: verified on must be a date such as 2026-12-03",
                "aria-invalid=\"true\"");
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));

        // "verified today by me" must tick a row of the form
        List<Map.Entry<String, String>> ticked = WebSession.formFields(page, path);
        ticked.add(Map.entry("provenance.verifiedNow", "99"));
        set(ticked, "reason", 0, "trying");
        HttpResponse<String> noRow = curator.postAll(path, ticked);
        assertThat(noRow.statusCode()).isEqualTo(400);
        assertThat(noRow.body()).contains("must tick a row of the provenance table");
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void aNewProposalsTrustFieldsAreShownOnItsReviewAndKeptWhenAcceptedThroughTheForm() {
        String id = Submissions.uniqueId("trust-review");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, proposalWithTrust(id), "lineage stated");
        awaitQueued(event.submissionId());
        String path = "/review/" + event.submissionId();
        String page = curator.get(path).body();
        assertThat(page).contains("<dd class=\"trust-referenceStandard\">an RT-PCR test</dd>",
                "<li>participants: <strong>HIGH</strong>: paediatric controls</li>",
                "id=\"f-relations[0].target\" name=\"relation.target\" type=\"text\" value=\"covid-chestxray-dataset\"",
                "<option value=\"ADULT\" selected>");
        List<Map.Entry<String, String>> form = WebSession.formFields(page, path);
        set(form, "imageSource", 0, "CONVERTED_FROM_DICOM");
        form.add(Map.entry("outcome", "ACCEPT"));
        set(form, "message", 0, "Welcome.");
        assertThat(curator.postAll(path, form).statusCode()).isEqualTo(303);
        asCurator().get("/api/v1/resources/{id}/versions/1", id).then().statusCode(200)
                .body("snapshot.imageSource", equalTo("CONVERTED_FROM_DICOM"))
                .body("snapshot.referenceStandard", equalTo("RT_PCR"))
                .body("snapshot.relations[0].note", equalTo("COVID-19 positives"))
                .body("snapshot.identifiers[0].value", equalTo("10.5555/" + id))
                .body("snapshot.provenance.'counts.patients'.verifiedBy", equalTo("curator"));

        // a decision form without the trust rows (a client from before them) keeps the proposal's
        String other = Submissions.uniqueId("trust-review-old");
        SubmissionReceived second = Submissions.send(SubmissionKind.NEW, null, proposalWithTrust(other), null);
        awaitQueued(second.submissionId());
        Map<String, String> old = new LinkedHashMap<>();
        ResourceReader.toForm(CurationApi.sample(other)).forEach((k, v) -> {
            if (!TrustForm.FIELDS.contains(k)) {
                old.put(k, v);
            }
        });
        old.put("csrf-token", curator.csrfToken("/review/" + second.submissionId()));
        old.put("outcome", "ACCEPT");
        assertThat(curator.post("/review/" + second.submissionId(), old).statusCode()).isEqualTo(303);
        asCurator().get("/api/v1/resources/{id}/versions/1", other).then().statusCode(200)
                .body("snapshot.referenceStandard", equalTo("RT_PCR"))
                .body("snapshot.relations[0].target", equalTo("covid-chestxray-dataset"))
                .body("snapshot.riskOfBias.participants.risk", equalTo("HIGH"));
    }

    @Test
    void aCorrectionAcceptedThroughTheReviewFormKeepsTheEntrysTrustFields() {
        String id = CurationApi.createResource("trust-correct");
        Trust.put(id, 1, "10.5555/trust-correct");
        SubmissionReceived event = Submissions.sendCorrection(id, "{\"counts\": {\"patients\": 5}}", "five patients");
        awaitQueued(event.submissionId());
        String path = "/review/" + event.submissionId();
        List<Map.Entry<String, String>> form = WebSession.formFields(curator.get(path).body(), path);
        form.add(Map.entry("outcome", "ACCEPT"));
        assertThat(curator.postAll(path, form).statusCode()).isEqualTo(303);
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(3))
                .body("changedFields", equalTo(List.of("counts.patients")))
                .body("snapshot.relations[0].target", equalTo("covid-chestxray-dataset"))
                .body("snapshot.provenance.'counts.patients'.source", equalTo("https://example.org/paper"));

        // and from a form without the trust rows
        SubmissionReceived second = Submissions.sendCorrection(id, "{\"counts\": {\"images\": 50}}", "fifty images");
        awaitQueued(second.submissionId());
        Map<String, String> old = new LinkedHashMap<>();
        WebSession.formFields(curator.get("/review/" + second.submissionId()).body(), "/review/" + second.submissionId())
                .forEach(e -> {
                    if (!TrustForm.FIELDS.contains(e.getKey()) && !e.getKey().equals("provenance.verifiedNow")) {
                        old.put(e.getKey(), e.getValue());
                    }
                });
        old.put("outcome", "ACCEPT");
        assertThat(curator.post("/review/" + second.submissionId(), old).statusCode()).isEqualTo(303);
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(4))
                .body("changedFields", equalTo(List.of("counts.images")))
                .body("snapshot.identifiers[0].value", equalTo("10.5555/trust-correct"))
                .body("snapshot.riskOfBias.participants.reason", equalTo("paediatric controls"));
    }

    @Test
    void aCorrectionOfTrustFieldsIsReviewedFieldByFieldWithTheirLabels() {
        String id = CurationApi.createResource("trust-review-patch");
        Trust.put(id, 1, "10.5555/trust-review-patch");
        SubmissionReceived event = Submissions.sendCorrection(id, """
                {"referenceStandard": "CLINICAL",
                 "riskOfBias": {"images": {"risk": "HIGH", "reason": "JPEG from a web page"}},
                 "provenance": {"referenceStandard": {"source": "https://example.org/clinic", "verifiedOn": "2026-12-05"}},
                 "relations": [{"type": "IsPartOf", "target": "https://example.org/big-collection"}]}""",
                "the labels are clinical");
        awaitQueued(event.submissionId());
        String page = curator.get("/review/" + event.submissionId()).body();
        assertThat(page).contains(
                "<th scope=\"row\">reference standard</th><td class=\"diff-before\">RT_PCR</td><td class=\"diff-after\">CLINICAL</td>",
                "<th scope=\"row\">risk of bias: images</th><td class=\"diff-before\">LOW</td><td class=\"diff-after\">HIGH</td>",
                "<th scope=\"row\">risk of bias: images, reason</th><td class=\"diff-before\">DICOM from the hospital PACS</td><td class=\"diff-after\">JPEG from a web page</td>",
                "<th scope=\"row\">reference standard: source</th><td class=\"diff-before\">https://example.org/methods</td><td class=\"diff-after\">https://example.org/clinic</td>",
                "<th scope=\"row\">reference standard: verified on</th><td class=\"diff-before\">2026-12-02</td><td class=\"diff-after\">2026-12-05</td>",
                "<th scope=\"row\">relations</th><td class=\"diff-before\">IsDerivedFrom covid-chestxray-dataset (COVID-19 positives)</td><td class=\"diff-after\">IsPartOf https://example.org/big-collection</td>");
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().statusCode(200)
                .body("changes.field", equalTo(List.of("relations", "referenceStandard", "riskOfBias.images.risk",
                        "riskOfBias.images.reason", "provenance.referenceStandard.source",
                        "provenance.referenceStandard.verifiedOn")));
        asCurator().body(Map.of("outcome", "ACCEPT", "message", "clinical it is"))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200);
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(3))
                .body("snapshot.referenceStandard", equalTo("CLINICAL"))
                .body("snapshot.provenance.referenceStandard.verifiedBy", equalTo(null))
                .body("snapshot.riskOfBias.participants.risk", equalTo("HIGH"));

        // a patch that clears a whole judgement and a whole provenance entry
        SubmissionReceived clearing = Submissions.sendCorrection(id,
                "{\"riskOfBias\": {\"participants\": null}, \"provenance\": {\"counts.patients\": null}}", "not stated");
        awaitQueued(clearing.submissionId());
        assertThat(curator.get("/review/" + clearing.submissionId()).body()).contains(
                "<th scope=\"row\">risk of bias: participants</th><td class=\"diff-before\">HIGH: paediatric controls</td><td class=\"diff-after\">—</td>",
                "<th scope=\"row\">patient count: verification</th><td class=\"diff-before\">https://example.org/paper, verified on 2026-12-01 by curator</td><td class=\"diff-after\">—</td>");
    }

    static Resource proposalWithTrust(String id) {
        Map<String, Object> json = new LinkedHashMap<>(EventJson.mapper().convertValue(CurationApi.sample(id).content(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        json.putAll(Trust.fields("10.5555/" + id));
        return EventJson.mapper().convertValue(json, Resource.class);
    }

    /** Sets the n-th value of a (repeated) form field, as a person would type it into that row. */
    static void set(List<Map.Entry<String, String>> form, String name, int n, String value) {
        int seen = 0;
        for (int i = 0; i < form.size(); i++) {
            if (form.get(i).getKey().equals(name) && seen++ == n) {
                form.set(i, Map.entry(name, value));
                return;
            }
        }
        if (n == 0) {
            form.add(Map.entry(name, value));
            return;
        }
        throw new AssertionError("the form has no " + (n + 1) + ". " + name + ": " + new ArrayList<>(form));
    }
}
