package org.imagingcatalog.publicweb.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Refusals and failures answer problem+json where programs read, the site's error page where people do. */
@QuarkusTest
class ErrorAnswersTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE = "urn:imaging-catalog:problem:";

    @Test
    void programsGetProblemsWithTheSharedTypes() {
        given().header("Accept", "application/xml").get("/api/v1/resources").then().statusCode(406)
                .contentType(PROBLEM).body("type", is(TYPE + "not-acceptable")).body("status", is(406))
                .body("detail", containsString("Accept header"));
        given().post("/api/v1/resources").then().statusCode(405).contentType(PROBLEM)
                .body("type", is(TYPE + "method-not-allowed")).body("detail", containsString("read-only"));
        given().get("/export/catalog.csv?sort=random").then().statusCode(400).contentType(PROBLEM)
                .body("type", is(TYPE + "invalid-query")).body("errors[0].field", is("sort"));
        given().get("/feed.atom?ct=maybe").then().statusCode(400).contentType(PROBLEM)
                .body("type", is(TYPE + "invalid-query")).body("errors[0].field", is("ct"))
                .body("instance", is("/feed.atom"));
        given().get("/api/v1/resources/no-such-entry/history").then().statusCode(404).contentType(PROBLEM)
                .body("type", is(TYPE + "not-found"));
    }

    @Test
    void peopleGetTheErrorPageInTheSiteLayout() {
        given().post("/about").then().statusCode(405).contentType(startsWith("text/html"))
                .body(containsString("<h1>Method Not Allowed</h1>"))
                .body(containsString("The catalog is read-only: this address answers GET (and HEAD) only."))
                .body(containsString("Back to the catalog"));
        given().get("/resources/no-such-entry").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("<h1>Not found</h1>"))
                .body(containsString("There is no resource with the id &quot;no-such-entry&quot; in the catalog."));
        given().get("/no/such/page").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("There is nothing at this address."));
    }

    @Test
    void theOpenApiDocumentDescribesTheProblems() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("Problem"))
                .body(containsString(PROBLEM));
    }
}
