package org.imagingcatalog.submission.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.Proposals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Every field rule of the JSON API: 400 problem+json naming the field, and nothing stored. */
@QuarkusTest
class ApiValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    static Stream<Arguments> badFields() {
        return Stream.of(
                bad("kind", "kind is required", b -> b.remove("kind")),
                bad("kind", "NEW, CORRECTION or WITHDRAWAL", b -> b.put("kind", "MAYBE")),
                bad("resourceId", "Only a correction or a withdrawal", b -> b.put("resourceId", "some-resource")),
                bad("proposed", "Describe the new resource", b -> b.remove("proposed")),
                bad("proposed", "must be an object", b -> b.put("proposed", "text")),
                bad("proposed.id", "lowercase letters", b -> proposed(b).put("id", "Not A Slug")),
                bad("proposed.id", "lowercase letters", b -> proposed(b).put("id", "ab")),
                bad("proposed.name", "Name is required", b -> proposed(b).remove("name")),
                bad("proposed.name", "at most 200 characters", b -> proposed(b).put("name", "n".repeat(201))),
                bad("proposed.name", "single line", b -> proposed(b).put("name", "bell\u0007name")),
                bad("proposed.name", "must be text", b -> proposed(b).put("name", 42)),
                bad("proposed.url", "URL is required", b -> proposed(b).remove("url")),
                bad("proposed.url", "absolute http", b -> proposed(b).put("url", "ftp://example.org/data")),
                bad("proposed.url", "absolute http", b -> proposed(b).put("url", "javascript:alert(1)")),
                bad("proposed.description", "at most 5000", b -> proposed(b).put("description", "d".repeat(5001))),
                bad("proposed.provider", "at most 200", b -> proposed(b).put("provider", "p".repeat(201))),
                bad("proposed.modalities.ct", "Y, N or U", b -> modalities(b).put("ct", "X")),
                bad("proposed.modalities.mri", "Y, N or U", b -> modalities(b).put("mri", true)),
                bad("proposed.modalities.pet", "unknown modality", b -> modalities(b).put("pet", "Y")),
                bad("proposed.modalities", "must be an object", b -> proposed(b).put("modalities", "Y")),
                bad("proposed.metadata", "Y, N or U", b -> proposed(b).put("metadata", "maybe")),
                bad("proposed.caseReview", "Y, N or U", b -> proposed(b).put("caseReview", 1)),
                bad("proposed.license", "at most 100", b -> proposed(b).put("license", "l".repeat(101))),
                bad("proposed.access", "OPEN, REGISTRATION, APPLICATION or UNKNOWN", b -> proposed(b).put("access", "FREE")),
                bad("proposed.formats", "list", b -> proposed(b).put("formats", "PNG")),
                bad("proposed.formats", "at most 30 items", b -> {
                    ArrayNode many = proposed(b).putArray("formats");
                    for (int i = 0; i < 31; i++) {
                        many.add("F" + i);
                    }
                }),
                bad("proposed.formats[1]", "repeats", b -> proposed(b).putArray("formats").add("PNG").add("png")),
                bad("proposed.annotations[0]", "must not be empty", b -> proposed(b).putArray("annotations").add(" ")),
                bad("proposed.tags[0]", "at most 60", b -> proposed(b).putArray("tags").add("t".repeat(61))),
                bad("proposed.counts.patients", "must not be negative", b -> counts(b).put("patients", -1)),
                bad("proposed.counts.images", "whole number", b -> counts(b).put("images", 1.5)),
                bad("proposed.counts.years", "unknown count", b -> counts(b).put("years", 3)),
                bad("proposed.color", "unknown field", b -> proposed(b).put("color", "blue")),
                bad("priority", "Unknown field \"priority\"", b -> b.put("priority", "high")),
                bad("comment", "within 5000 characters", b -> b.put("comment", "c".repeat(5001))),
                bad("comment", "must be a string", b -> b.put("comment", 5)),
                bad("submitter.name", "within 200 characters", b -> submitter(b).put("name", "s".repeat(201))),
                bad("submitter.email", "e-mail address like name@example.org", b -> submitter(b).put("email", "not-an-email")),
                bad("submitter.email", "e-mail address like name@example.org", b -> submitter(b).put("email", "a@b")),
                bad("submitter.phone", "Unknown field \"submitter.phone\"", b -> submitter(b).put("phone", "123")),
                bad("submitter", "must be an object", b -> b.put("submitter", "Grace")),
                bad("resourceId", "Name the published resource", b -> b.put("kind", "CORRECTION").put("comment", "why")),
                bad("comment", "reason for the withdrawal", b -> {
                    b.put("kind", "WITHDRAWAL");
                    b.remove("comment");
                }),
                bad("proposed", "A withdrawal takes no resource fields", b -> b.put("kind", "WITHDRAWAL")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badFields")
    void eachBadFieldIsNamedAndNothingIsStored(String field, String message, Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(Proposals.newResourceJson("Valid name", null, "grace@example.org"));
        breakIt.accept(body);
        Db db = new Db(dataSource);
        String before = db.snapshot();

        given().contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/submissions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid submission"))
                .body("type", equalTo("urn:imaging-catalog:problem:invalid-submission"))
                .body("detail", containsString("nothing was stored"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));

        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void malformedJsonIsA400ProblemNotA500() {
        Db db = new Db(dataSource);
        String before = db.snapshot();
        given().contentType(ContentType.JSON).body("{\"kind\": \"NEW\", ")
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("not valid JSON"));
        given().contentType(ContentType.JSON).body("{\"kind\": \"NEW\"}}}")
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Malformed JSON"));
        given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("must be a JSON object"));
        given().contentType(ContentType.JSON).body("{\"kind\": \"NEW\", \"kind\": \"CORRECTION\"}")
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Duplicate field 'kind'"));
        given().contentType(ContentType.TEXT).body("kind=NEW")
                .when().post("/api/v1/submissions")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/json"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void scriptTagsInTheApiAreStoredAsPlainTextAndNeverEchoedAsHtml() throws Exception {
        String script = "<script>alert('x')</script>";
        ObjectNode body = (ObjectNode) JSON.readTree(Proposals.newResourceJson("Valid", null, null));
        proposed(body).put("name", script).put("description", script).put("provider", script).put("license", script);
        proposed(body).putArray("formats").add(script);
        body.put("comment", script);
        submitter(body).put("name", script);
        String url = given().contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/submissions").then().statusCode(202).extract().path("trackingUrl");
        given().when().get("/track/" + url.replaceAll(".*/track/", "")).then().statusCode(200)
                .body(not(containsString("<script>")))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    private static Arguments bad(String field, String message, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, message, breakIt);
    }

    private static ObjectNode proposed(ObjectNode body) {
        return (ObjectNode) body.get("proposed");
    }

    private static ObjectNode modalities(ObjectNode body) {
        return (ObjectNode) proposed(body).get("modalities");
    }

    private static ObjectNode counts(ObjectNode body) {
        return (ObjectNode) proposed(body).get("counts");
    }

    private static ObjectNode submitter(ObjectNode body) {
        return (ObjectNode) body.get("submitter");
    }
}
