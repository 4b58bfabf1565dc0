package org.imagingcatalog.curation.web;

import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import org.imagingcatalog.curation.support.CurationApi;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Bad requests get a clear RFC 9457 answer and change nothing. */
@QuarkusTest
class ApiErrorsTest {

    @Test
    void malformedJsonIsAProblemAndChangesNothing() {
        String id = CurationApi.createResource("malformed");
        asCurator().header("If-Match", "\"1\"").body("{\"name\": ").put("/api/v1/resources/{id}", id)
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("type", equalTo("urn:imaging-catalog:problem:invalid-input"));
        asCurator().body("[1, 2]").post("/api/v1/resources/{id}/withdraw", id)
                .then().statusCode(400).contentType("application/problem+json");
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1)).body("status", equalTo("ACTIVE"));
    }

    @Test
    void bodiesOver64KibAreRefused() {
        String id = CurationApi.createResource("big");
        asCurator().header("If-Match", "\"1\"").body("{\"description\": \"" + "x".repeat(70_000) + "\"}")
                .put("/api/v1/resources/{id}", id).then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:imaging-catalog:problem:body-too-large"));
        asCurator().get("/api/v1/resources/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void theApiTakesJsonOnly() {
        String id = CurationApi.createResource("formpost");
        asCurator().contentType(ContentType.URLENC).formParam("reason", "x").post("/api/v1/resources/{id}/withdraw", id)
                .then().statusCode(415);
        asCurator().get("/api/v1/resources/{id}", id).then().body("status", equalTo("ACTIVE"));
    }
}
