package org.imagingcatalog.curation.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What stays public: health, metrics, OpenAPI and the shared stylesheet. */
@QuarkusTest
class PublicRoutesTest {

    @Test
    void readyOnlyWithTheRealDatabaseAndBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void sharedStylesheetMetricsAndOpenApiAreServedWithoutLogin() {
        given().get("/assets/catalog.css").then().statusCode(200).body(containsString(".badge-U"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/submissions/{id}/decision"))
                .body(containsString("If-Match"));
    }
}
