package org.imagingcatalog.curation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Trust;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The trust fields through the API: PUT takes them as the contract's JSON, keeps them when it does not name them. */
@QuarkusTest
class TrustFieldsApiTest {

    @Test
    void putTakesTheTrustFieldsAsJsonAndTheHistoryNamesEachChange() {
        String id = CurationApi.createResource("trust-put");
        Trust.put(id, 1, "10.5555/Trust-PUT");

        JsonPath v2 = asCurator().get("/api/v1/resources/{id}", id).then().statusCode(200).extract().jsonPath();
        assertThat(v2.getInt("version")).isEqualTo(2);
        assertThat(v2.getString("snapshot.relations[0].type")).isEqualTo("IsDerivedFrom");
        assertThat(v2.getString("snapshot.relations[0].target")).isEqualTo("covid-chestxray-dataset");
        assertThat(v2.getString("snapshot.identifiers[0].value")).as("a DOI in its normal form").isEqualTo("10.5555/trust-put");
        assertThat(v2.getString("snapshot.referenceStandard")).isEqualTo("RT_PCR");
        assertThat(v2.getString("snapshot.population")).isEqualTo("ADULT");
        assertThat(v2.getString("snapshot.imageSource")).isEqualTo("HOSPITAL_DICOM");
        assertThat(v2.getString("snapshot.riskOfBias.participants.reason")).isEqualTo("paediatric controls");
        assertThat(v2.getString("snapshot.provenance.'counts.patients'.verifiedOn")).isEqualTo("2026-12-01");
        assertThat(v2.getList("changedFields", String.class)).contains("relations", "identifiers", "referenceStandard",
                "population", "imageSource", "riskOfBias.participants.risk", "riskOfBias.participants.reason",
                "riskOfBias.images.risk", "provenance.counts.patients.source", "provenance.counts.patients.verifiedOn",
                "provenance.referenceStandard.source");
        assertThat(v2.getString("summary")).contains("reference standard changed from UNKNOWN to RT_PCR",
                "risk of bias: participants changed from (empty) to HIGH");
        asCurator().get("/api/v1/resources/{id}/diff?from=1&to=2", id).then().statusCode(200)
                .body("changes.field", hasItems("relations", "referenceStandard", "riskOfBias.participants.reason",
                        "provenance.counts.patients.verifiedBy"));

        // a PUT that does not name them keeps every trust field
        asCurator().header("If-Match", "\"2\"").body(Map.of("name", "Renamed " + id, "reason", "official name"))
                .put("/api/v1/resources/{id}", id).then().statusCode(200).body("version", equalTo(3))
                .body("changedFields", equalTo(List.of("name")));

        // nested members merge; a null member removes it (a domain no longer assessed, a provenance entry dropped)
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> rob = new LinkedHashMap<>();
        rob.put("participants", null);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("referenceStandard", null);
        body.put("riskOfBias", rob);
        body.put("provenance", provenance);
        body.put("relations", List.of());
        body.put("reason", "judgement withdrawn");
        JsonPath v4 = asCurator().header("If-Match", "\"3\"").body(body).put("/api/v1/resources/{id}", id)
                .then().statusCode(200).extract().jsonPath();
        assertThat(v4.getMap("snapshot.riskOfBias")).containsOnlyKeys("images");
        assertThat(v4.getMap("snapshot.provenance")).containsOnlyKeys("counts.patients");
        assertThat(v4.getList("snapshot.relations")).isNull();
        assertThat(v4.getString("snapshot.referenceStandard")).isEqualTo("RT_PCR");
        assertThat(v4.getList("snapshot.identifiers")).hasSize(1);
    }

    @Test
    void badTrustFieldsAnswer400NamingEachAndChangeNothing() {
        String id = CurationApi.createResource("trust-bad");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("relations", List.of(Map.of("type", "IsCousinOf", "target", "covid-ct"),
                Map.of("type", "IsPartOf", "target", "not a target")));
        body.put("identifiers", List.of(Map.of("scheme", "doi", "value", "not a doi")));
        body.put("referenceStandard", "PCR-ish");
        body.put("riskOfBias", Map.of("images", Map.of("risk", "HIGH")));
        body.put("provenance", Map.of("counts.patients", Map.of("source", "ftp://example.org", "verifiedOn", "yesterday")));
        body.put("reason", "bad input");
        asCurator().header("If-Match", "\"1\"").body(body).put("/api/v1/resources/{id}", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("relations[0].type", "relations[1].target", "identifiers[0].value",
                        "referenceStandard", "riskOfBias.images.reason", "provenance.counts.patients.verifiedOn"));
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void patchChangesOneTrustFieldAndKeepsTheOthers() {
        String id = CurationApi.createResource("trust-patch");
        Trust.put(id, 1, "10.5555/trust-patch");
        asCurator().contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body("{\"population\": \"MIXED\", \"reason\": \"children too\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(200).body("version", equalTo(3)).body("changedFields", equalTo(List.of("population")))
                .body("snapshot.referenceStandard", equalTo("RT_PCR")).body("snapshot.relations[0].type", equalTo("IsDerivedFrom"));
    }

    @Test
    void aNewProposalWithTrustFieldsKeepsThemWhenAcceptedWithEdits() throws Exception {
        String id = Submissions.uniqueId("trust-new");
        Resource proposal = (Resource) EventJson.mapper().convertValue(withTrust(CurationApi.sample(id), "10.5555/trust-new"),
                Resource.class);
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, proposal, "with lineage");
        awaitQueued(event.submissionId());
        // bad trust edits: 400 naming each field, nothing decided
        asCurator().body(Map.of("outcome", "ACCEPT", "edits", Map.of(
                "relations", List.of(Map.of("type", "IsDerivedFrom", "target", "no such thing", "note", "a\u0000b")),
                "riskOfBias", Map.of("composition", Map.of("risk", "SEVERE", "reason", "r")))))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("relations[0].target", "relations[0].note", "riskOfBias.composition.risk"));
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().body("status", equalTo("RECEIVED"));
        asCurator().body(Map.of("outcome", "ACCEPT", "edits", Map.of("population", "MIXED")))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200);
        asCurator().get("/api/v1/resources/{id}/versions/1", id).then().statusCode(200)
                .body("snapshot.population", equalTo("MIXED")).body("snapshot.referenceStandard", equalTo("RT_PCR"))
                .body("snapshot.relations[0].target", equalTo("covid-chestxray-dataset"))
                .body("snapshot.identifiers[0].value", equalTo("10.5555/trust-new"));
    }

    @Test
    void aCorrectionSentBeforeTrustFieldsExistedKeepsThoseOfTheEntry() {
        String id = CurationApi.createResource("trust-legacy");
        Trust.put(id, 1, "10.5555/trust-legacy");
        // the whole resource, as corrections were sent before patches: it knows nothing of the trust fields
        Resource old = CurationApi.sample(id);
        Resource renamed = new Resource(id, "Corrected " + id, old.url(), old.description(), old.provider(),
                old.modalities(), old.metadata(), old.caseReview(), old.license(), old.access(), old.formats(),
                old.counts(), old.annotations(), old.tags(), null, null);
        SubmissionReceived event = Submissions.send(SubmissionKind.CORRECTION, id, renamed, "the real name");
        awaitQueued(event.submissionId());
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then().statusCode(200)
                .body("changes.field", equalTo(List.of("name")));
        asCurator().body(Map.of("outcome", "ACCEPT", "message", "renamed"))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200)
                .body("resultingVersion", equalTo(3));
        asCurator().get("/api/v1/resources/{id}", id).then().body("changedFields", equalTo(List.of("name")))
                .body("snapshot.referenceStandard", equalTo("RT_PCR"))
                .body("snapshot.riskOfBias.participants.risk", equalTo("HIGH"))
                .body("snapshot.provenance.'counts.patients'.source", equalTo("https://example.org/paper"));
    }

    static Map<String, Object> withTrust(Resource resource, String doi) {
        Map<String, Object> json = new LinkedHashMap<>(EventJson.mapper().convertValue(resource.content(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { }));
        json.putAll(Trust.fields(doi));
        return json;
    }
}
