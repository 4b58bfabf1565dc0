package org.imagingcatalog.submission.proposals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.submission.support.Catalog;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.HtmlForm;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** A correction changes only what it names: a JSON Merge Patch against the published version, by API and by form. */
@QuarkusTest
class CorrectionPatchTest {

    @Inject
    DataSource dataSource;

    @Test
    void aPartialJsonCorrectionIsStoredAndEmittedAsAPatchNamingOnlyItsFields() throws Exception {
        String id = Catalog.publishedEntry("partial", "Partial X-ray");
        String body = """
                {"kind": "CORRECTION", "resourceId": "%s",
                 "proposed": {"name": "Partial X-ray (2025)", "url": "https://example.org/%s/v2",
                              "counts": {"patients": 99}, "license": null},
                 "comment": "New release."}
                """.formatted(id, id);

        JsonPath accepted = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(202).extract().jsonPath();
        String submissionId = accepted.getString("id");

        JsonNode event = Catalog.received(submissionId, 1).get(0);
        assertThat(EventSchemaCheck.violations(SubmissionReceived.class, event.toString())).isEmpty();
        assertThat(event.get("proposed").isNull()).as("a correction carries its patch, not a whole resource").isTrue();
        assertThat(event.get("revision").asInt()).isEqualTo(1);
        JsonNode patch = event.get("patch");
        assertThat(fieldNames(patch)).containsExactlyInAnyOrder("name", "url", "counts", "license");
        assertThat(patch.get("name").asText()).isEqualTo("Partial X-ray (2025)");
        assertThat(fieldNames(patch.get("counts"))).containsExactly("patients");
        assertThat(patch.get("counts").get("patients").asLong()).isEqualTo(99);
        assertThat(patch.get("license").isNull()).as("null clears an optional field").isTrue();

        Db db = new Db(dataSource);
        assertThat(db.string("SELECT patch_json FROM submission WHERE id = '" + submissionId + "'"))
                .contains("Partial X-ray (2025)").doesNotContain("description");

        // the API and the tracking page show what the correction proposes: the named fields only
        String token = Catalog.token(accepted.getString("trackingUrl"));
        JsonPath state = given().get("/api/v1/submissions/" + token).then().statusCode(200).extract().jsonPath();
        assertThat(state.getMap("proposed")).containsOnlyKeys("name", "url", "counts", "license");
        given().get("/track/" + token).then().statusCode(200)
                .body(containsString("Partial X-ray (2025)"))
                .body(containsString("99"))
                .body(containsString("(cleared)"))
                .body(not(containsString(Catalog.DESCRIPTION)));
    }

    @Test
    void aNullForARequiredFieldIs400NamingItAndStoresNothing() {
        String id = Catalog.publishedEntry("cleared", "Cleared name");
        Db db = new Db(dataSource);
        String before = db.snapshot();
        for (String field : List.of("name", "url")) {
            given().contentType(ContentType.JSON)
                    .body("{\"kind\":\"CORRECTION\",\"resourceId\":\"" + id + "\",\"proposed\":{\"" + field
                            + "\":null},\"comment\":\"why\"}")
                    .when().post("/api/v1/submissions").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("proposed." + field))
                    .body("errors.find { it.field == 'proposed." + field + "' }.message", containsString("cleared"));
        }
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"CORRECTION\",\"resourceId\":\"" + id + "\",\"proposed\":{\"counts\":{\"patients\":\"many\"},"
                        + "\"colour\":\"red\"},\"comment\":\"why\"}")
                .when().post("/api/v1/submissions").then().statusCode(400)
                .body("errors.field", hasItem("proposed.counts.patients"))
                .body("errors.field", hasItem("proposed.colour"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aCorrectionThatChangesNothingIs400() {
        String id = Catalog.publishedEntry("same", "Same name");
        Db db = new Db(dataSource);
        String before = db.snapshot();
        for (String proposed : List.of("{\"name\": \"Same name\"}", "{}", "{\"counts\": {\"patients\": 10}}")) {
            given().contentType(ContentType.JSON)
                    .body("{\"kind\":\"CORRECTION\",\"resourceId\":\"" + id + "\",\"proposed\":" + proposed
                            + ",\"comment\":\"why\"}")
                    .when().post("/api/v1/submissions").then().statusCode(400)
                    .body("errors.find { it.field == 'proposed' }.message", containsString("the correction changes nothing"));
        }
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aFormCorrectionBecomesAPatchOfOnlyTheChangedFields() {
        String id = Catalog.publishedEntry("form-patch", "Form patch");
        Map<String, String> fields = Catalog.prefilledForm(id, "Form patch");
        fields.put("name", "Form patch (renamed)");
        fields.put("patients", "11");
        fields.put("comment", "Renamed by the provider.");

        Response posted = HtmlForm.open("/correct/" + id).post("/correct/" + id, fields);
        assertThat(posted.statusCode()).isIn(200, 303);
        String token = posted.statusCode() == 303 ? Catalog.token(posted.header("Location"))
                : HtmlForm.trackingToken(posted.asString());
        String submissionId = given().get("/api/v1/submissions/" + token).then().statusCode(200).extract().path("id");

        JsonNode patch = Catalog.received(submissionId, 1).get(0).get("patch");
        assertThat(patch).as("the event carries a patch").isNotNull();
        assertThat(fieldNames(patch)).containsExactlyInAnyOrder("name", "counts");
        assertThat(fieldNames(patch.get("counts"))).containsExactly("patients");
        given().get("/api/v1/submissions/" + token).then().body("proposed.name", equalTo("Form patch (renamed)"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
