package org.imagingcatalog.submission.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HomePageTest {

    @Test
    void homePageIsServed() {
        given().when().get("/")
                .then().statusCode(200)
                .body(containsString("<h1>Contribute to the catalog</h1>"))
                .body(containsString("How curation works"))
                .body(containsString("href=\"/new\""))
                .body(containsString("/correct/&lt;id&gt;"))
                .body(containsString("/withdraw/&lt;id&gt;"))
                .body(containsString("href=\"/login\""))
                .body(containsString("href=\"/assets/catalog.css\""));
    }

    @Test
    void sharedStylesheetIsServed() {
        given().when().get("/assets/catalog.css")
                .then().statusCode(200)
                .body(containsString(".badge-U"));
    }

    @Test
    void readyOnlyWithTheRealDatabaseAndBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }
}
