package org.imagingcatalog.publicweb.web;

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
                .body(containsString("<h1>Imaging Data Catalog</h1>"))
                .body(containsString("<link rel=\"stylesheet\" href=\"/assets/catalog.css\">"));
    }

    @Test
    void aboutCitesTheSurvey() {
        given().get("/about").then().statusCode(200)
                .body(containsString("COVID-19: A Survey on Public Medical Imaging Data Resources"))
                .body(containsString("arXiv:2004.04569"));
    }

    @Test
    void sharedStylesheetIsServed() {
        given().when().get("/assets/catalog.css")
                .then().statusCode(200)
                .body(containsString(".badge-U"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/resources"))
                .body(containsString("/export/catalog.csv"));
    }

    @Test
    void readyOnlyWithTheRealDatabaseAndBrokerAndTheReadModel() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "Catalog read model"));
    }
}
