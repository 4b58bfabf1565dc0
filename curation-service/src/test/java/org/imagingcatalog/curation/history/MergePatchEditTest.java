package org.imagingcatalog.curation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** PATCH /api/v1/resources/{id}: a JSON Merge Patch as a direct edit, with If-Match and a reason like PUT. */
@QuarkusTest
class MergePatchEditTest {

    static final String MERGE_PATCH = "application/merge-patch+json";

    static RequestSpecification patch(String ifMatch) {
        RequestSpecification r = asCurator().contentType(MERGE_PATCH);
        return ifMatch == null ? r : r.header("If-Match", ifMatch);
    }

    @Test
    void aPatchChangesOnlyTheFieldsItNames() {
        String id = CurationApi.createResource("mp");
        JsonPath v1 = asCurator().get("/api/v1/resources/{id}", id).then().extract().jsonPath();

        patch("\"1\"").body("{\"license\": \"CC0-1.0\", \"reason\": \"licence checked on the site\"}")
                .patch("/api/v1/resources/{id}", id).then().statusCode(200)
                .header("ETag", containsString("2")).body("version", equalTo(2));
        JsonPath v2 = asCurator().get("/api/v1/resources/{id}/versions/2", id).then().extract().jsonPath();
        assertThat(v2.getList("changedFields", String.class)).containsExactly("license");
        assertThat(v2.getString("reason")).isEqualTo("licence checked on the site");
        Map<String, Object> expected = new LinkedHashMap<>(v1.getMap("snapshot"));
        expected.put("license", "CC0-1.0");
        expected.put("version", 2);
        assertThat(v2.getMap("snapshot")).isEqualTo(expected);

        // null clears a field; an object merges member by member
        patch("W/\"2\"").body("{\"counts\": {\"patients\": null}, \"reason\": \"the count was a guess\"}")
                .patch("/api/v1/resources/{id}", id).then().statusCode(200).body("version", equalTo(3))
                .body("snapshot.counts.images", equalTo(1000)).body("snapshot.license", equalTo("CC0-1.0"));
        JsonPath v3 = asCurator().get("/api/v1/resources/{id}/versions/3", id).then().extract().jsonPath();
        assertThat(v3.getList("changedFields", String.class)).containsExactly("counts.patients");
        assertThat(v3.getMap("snapshot.counts").get("patients")).isNull();
    }

    @Test
    void stalePatchesAreRefusedWithTheCurrentVersion() {
        String id = CurationApi.createResource("mp-stale");
        patch("\"1\"").body("{\"name\": \"First\", \"reason\": \"r\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(200);
        patch("\"1\"").body("{\"name\": \"Stale\", \"reason\": \"r\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo(2)).header("ETag", containsString("2"));
        patch(null).body("{\"name\": \"No precondition\", \"reason\": \"r\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(428).contentType("application/problem+json").body("currentVersion", equalTo(2));
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(2)).body("snapshot.name", equalTo("First"));
    }

    @Test
    void onlyMergePatchBodiesAreTaken() {
        String id = CurationApi.createResource("mp-media");
        asCurator().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"name\": \"Plain JSON\", \"reason\": \"r\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(415).contentType("application/problem+json");
        asCurator().contentType(ContentType.TEXT).header("If-Match", "\"1\"").body("name=x")
                .patch("/api/v1/resources/{id}", id).then().statusCode(415);
        HttpResponse<String> untyped = patchWithoutContentType(id, "{\"name\": \"Untyped\", \"reason\": \"r\"}");
        assertThat(untyped.statusCode()).isEqualTo(415);
        assertThat(untyped.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(untyped.body()).contains(MERGE_PATCH);
        // the patched whole keeps the contract's rules, as a PUT's body must (found by the hostile run)
        patch("\"1\"").body("{\"name\": \"line\\nbreak\", \"reason\": \"r\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("name"));
        patch("\"1\"").body("{\"url\": \"javascript:alert(1)\", \"reason\": \"r\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("url"));
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));
    }

    /** The JDK client sends no Content-Type unless told to, unlike REST Assured, which always names one. */
    private static HttpResponse<String> patchWithoutContentType(String id, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                    + "/api/v1/resources/" + id)).method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", Tokens.bearer(Tokens.CURATOR)).header("If-Match", "\"1\"").build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badPatchesAre400NamingEachFieldAndChangeNothing() {
        String id = CurationApi.createResource("mp-bad");
        patch("\"1\"").body("{\"name\": null, \"colour\": \"red\", \"counts\": {\"patients\": \"many\"}, \"reason\": \"r\"}")
                .patch("/api/v1/resources/{id}", id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "colour", "counts.patients"));
        patch("\"1\"").body("{\"id\": \"another-id\", \"reason\": \"r\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("id"));
        patch("\"1\"").body("{\"status\": \"WITHDRAWN\", \"reason\": \"r\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("status"));
        patch("\"1\"").body("[1, 2]").patch("/api/v1/resources/{id}", id).then().statusCode(400);
        patch("\"1\"").body("{\"name\": ").patch("/api/v1/resources/{id}", id).then().statusCode(400)
                .contentType("application/problem+json");
        patch("\"1\"").body("{\"description\": \"Trailing braces\", \"reason\": \"r\"}}}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(400).contentType("application/problem+json");
        patch("\"1\"").body("{\"url\": \"https://data.example.org/new\"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        patch("\"1\"").body("{\"url\": \"https://data.example.org/new\", \"reason\": \"  \"}").patch("/api/v1/resources/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void aDirectEditWithoutAReasonIsRefusedNamingTheReason() {
        String id = CurationApi.createResource("put-reason");
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Without a reason")).put("/api/v1/resources/{id}", id)
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("reason"));
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Blank reason", "reason", " "))
                .put("/api/v1/resources/{id}", id).then().statusCode(400).body("errors.field", hasItem("reason"));
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "With a reason", "reason", "official name"))
                .put("/api/v1/resources/{id}", id).then().statusCode(200).body("reason", equalTo("official name"));
    }
}
