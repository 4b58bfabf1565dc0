package org.imagingcatalog.submission.proposals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.submission.support.Await;
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

/** After "request changes" the contributor revises, by API or on the tracking page; every round is kept. */
@QuarkusTest
class RevisionTest {

    @Inject
    DataSource dataSource;

    @Test
    void aRevisionAfterRequestChangesIsRoundTwoOfTheSameSubmission() {
        JsonPath first = submitNew("Revised proposal");
        String id = first.getString("id");
        String token = Catalog.token(first.getString("trackingUrl"));
        changesRequested(id, token, "Please give the licence's source.");

        Response revised = given().contentType(ContentType.JSON)
                .body(Proposals.newResourceJson("Revised proposal (licence named)", null, null))
                .when().post("/api/v1/submissions/" + token + "/revisions");

        revised.then().statusCode(202).contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("status", equalTo("RECEIVED"))
                .body("revision", equalTo(2))
                .body("trackingUrl", equalTo("http://localhost:8081/track/" + token));

        List<JsonNode> events = Catalog.received(id, 2);
        assertThat(events).hasSize(2);
        JsonNode second = events.get(1);
        assertThat(EventSchemaCheck.violations(SubmissionReceived.class, second.toString())).isEmpty();
        assertThat(second.get("submissionId").asText()).isEqualTo(id);
        assertThat(second.get("kind").asText()).isEqualTo("NEW");
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(second.get("proposed").get("name").asText()).isEqualTo("Revised proposal (licence named)");

        JsonPath state = given().get("/api/v1/submissions/" + token).then().statusCode(200).extract().jsonPath();
        assertThat(state.getString("status")).isEqualTo("RECEIVED");
        assertThat(state.getInt("revision")).isEqualTo(2);
        assertThat(state.getList("rounds")).hasSize(2);
        assertThat(state.getString("rounds[0].message")).isEqualTo("Please give the licence's source.");

        Db db = new Db(dataSource);
        assertThat(db.count("SELECT count(*) FROM submission_round WHERE submission_id = '" + id + "'")).isEqualTo(2);
        given().get("/track/" + token).then().statusCode(200)
                .body(containsString("Revision 1"))
                .body(containsString("Revision 2"))
                .body(containsString("Please give the licence&#39;s source."))
                .body(containsString("Revised proposal (licence named)"));
    }

    @Test
    void theTrackingPageOffersTheFormPrefilledWithTheCuratorsMessageBeside() {
        JsonPath first = submitNew("Form revision");
        String id = first.getString("id");
        String token = Catalog.token(first.getString("trackingUrl"));
        given().get("/track/" + token).then().body(not(containsString("action=\"/track/" + token + "/revision\"")));
        changesRequested(id, token, "Name the provider, please.");

        String page = given().get("/track/" + token).then().statusCode(200).extract().asString();
        assertThat(page).contains("action=\"/track/" + token + "/revision\"")
                .contains("value=\"Form revision\"")
                .contains("Name the provider, please.");

        Map<String, String> fields = Proposals.newResourceForm("Form revision (provider named)");
        fields.remove("submitterEmail");
        fields.remove("submitterName");
        fields.put("comment", "The provider is Example University.");
        Response posted = HtmlForm.open("/track/" + token).post("/track/" + token + "/revision", fields);
        posted.then().statusCode(303);
        assertThat(posted.header("Location")).endsWith("/track/" + token);

        JsonNode second = Catalog.received(id, 2).get(1);
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(second.get("proposed").get("name").asText()).isEqualTo("Form revision (provider named)");
    }

    @Test
    void aCorrectionIsRevisedAsAPatchAndKeepsItsResource() {
        String resource = Catalog.publishedEntry("revise-fix", "Revise fix");
        JsonPath first = given().contentType(ContentType.JSON)
                .body("{\"kind\":\"CORRECTION\",\"resourceId\":\"" + resource + "\",\"proposed\":{\"name\":\"Revise fix 2\"},"
                        + "\"comment\":\"renamed\"}")
                .when().post("/api/v1/submissions").then().statusCode(202).extract().jsonPath();
        String id = first.getString("id");
        String token = Catalog.token(first.getString("trackingUrl"));
        changesRequested(id, token, "Which source?");

        Db db = new Db(dataSource);
        String before = db.snapshot();
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"CORRECTION\",\"resourceId\":\"" + Proposals.uniqueSlug("other") + "\","
                        + "\"proposed\":{\"name\":\"Revise fix 3\"},\"comment\":\"renamed\"}")
                .when().post("/api/v1/submissions/" + token + "/revisions").then().statusCode(400)
                .body("errors.field", hasItem("resourceId"));
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"WITHDRAWAL\",\"resourceId\":\"" + resource + "\",\"comment\":\"gone\"}")
                .when().post("/api/v1/submissions/" + token + "/revisions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("kind"));
        assertThat(db.snapshot()).isEqualTo(before);

        given().contentType(ContentType.JSON)
                .body("{\"proposed\":{\"name\":\"Revise fix 3\", \"provider\": \"Example Lab 2\"},"
                        + "\"comment\":\"see https://example.org/news\"}")
                .when().post("/api/v1/submissions/" + token + "/revisions").then().statusCode(202)
                .body("revision", equalTo(2));
        JsonNode second = Catalog.received(id, 2).get(1);
        assertThat(second.get("resourceId").asText()).isEqualTo(resource);
        assertThat(second.get("patch").get("name").asText()).isEqualTo("Revise fix 3");
        assertThat(second.get("patch").has("description")).isFalse();
    }

    @Test
    void revisingWhenNoChangesWereRequestedIs409AndStoresNothing() {
        JsonPath first = submitNew("Not yet decided");
        String token = Catalog.token(first.getString("trackingUrl"));
        Db db = new Db(dataSource);
        String before = db.snapshot();

        given().contentType(ContentType.JSON).body(Proposals.newResourceJson("Too early", null, null))
                .when().post("/api/v1/submissions/" + token + "/revisions").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("only after the curators asked for changes"));
        given().contentType(ContentType.JSON).body(Proposals.newResourceJson("Unknown", null, null))
                .when().post("/api/v1/submissions/" + "B".repeat(43) + "/revisions").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(db.count("SELECT count(*) FROM submission_round WHERE submission_id = '" + first.getString("id") + "'"))
                .isEqualTo(1);
    }

    private static JsonPath submitNew(String name) {
        return given().contentType(ContentType.JSON).body(Proposals.newResourceJson(name, null, null))
                .when().post("/api/v1/submissions").then().statusCode(202).extract().jsonPath();
    }

    private static void changesRequested(String id, String token, String message) {
        Catalog.decide(UUID.fromString(id), DecisionOutcome.REQUEST_CHANGES, message, null, null);
        Await.until("the request for changes", Duration.ofSeconds(30), () -> "CHANGES_REQUESTED"
                .equals(given().get("/api/v1/submissions/" + token).then().extract().path("status")));
    }
}
