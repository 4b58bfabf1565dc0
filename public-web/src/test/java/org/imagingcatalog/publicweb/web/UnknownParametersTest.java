package org.imagingcatalog.publicweb.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 14: a query parameter a route does not know is refused, naming it, instead of being ignored (casereview=Y
 * used to return the whole catalog): problem+json where programs read, a page that says so where people do.
 */
@QuarkusTest
class UnknownParametersTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theApiTheExportsAndTheFeedRefuseAnUnknownParameterNamingIt() {
        for (String path : List.of("/api/v1/resources", "/export/catalog.csv", "/export/catalog.json",
                "/export/catalog.tex", "/export/catalog.bib", "/export/catalog.jsonld", "/export/catalog.ttl",
                "/export/catalog.rdf", "/feed.atom")) {
            given().get(path + "?q=chest&casereview=Y").then().statusCode(400).contentType(PROBLEM)
                    .body("type", is("urn:imaging-catalog:problem:invalid-query"))
                    .body("status", is(400))
                    .body("errors[0].field", is("casereview"))
                    .body("errors[0].message", containsString("unknown"))
                    .body("errors[0].message", containsString("caseReview"))
                    .body("detail", containsString("casereview"))
                    .body("instance", is(path));
        }
        // every unknown parameter is named, once, alphabetically
        given().get("/api/v1/resources?foo=1&ct=Y&bar=2&foo=3").then().statusCode(400)
                .body("errors.field", is(List.of("bar", "foo")));
        // a blank value does not make an unknown name known
        given().get("/api/v1/resources?utm_source=").then().statusCode(400).body("errors[0].field", is("utm_source"));
    }

    @Test
    void aParameterNameInAnotherCaseIsAnotherParameter() {
        for (String path : List.of("/api/v1/resources", "/export/catalog.csv", "/feed.atom")) {
            given().get(path + "?q=lung&Q=x").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", is("Q"));
        }
        assertThat(given().get("/?ct=Y&CT=x").statusCode()).isEqualTo(400);
    }

    @Test
    void eachRouteKnowsItsOwnParameters() {
        String all = "q=chest&ct=Y&xray=&mri=&ultrasound=&metadata=&caseReview=&access=&license=&format=&annotation="
                + "&referenceStandard=&population=&imageSource=&excludePaediatric=&rtPcrOnly=&hospitalImagesOnly=";
        given().get("/api/v1/resources?" + all + "&sort=name&page=1&size=10").then().statusCode(200);
        given().get("/?" + all + "&sort=name&page=1&size=10").then().statusCode(200);
        // the exports take page and size and ignore them (every match is exported)
        given().get("/export/catalog.csv?" + all + "&sort=name&page=2&size=10").then().statusCode(200);
        // the feed is always newest first, one list: no page or size; sort is accepted for the links that carried it
        given().get("/feed.atom?" + all + "&sort=name").then().statusCode(200);
        given().get("/feed.atom?page=2").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("page"));
        given().get("/feed.atom?size=10").then().statusCode(400).body("errors[0].field", is("size"));
        // the LaTeX table alone takes riskOfBias (a column of its own)
        given().get("/export/catalog.tex?" + all + "&sort=name&page=1&size=10&riskOfBias=true").then().statusCode(200);
        given().get("/export/catalog.csv?riskOfBias=true").then().statusCode(400).body("errors[0].field", is("riskOfBias"));
        given().get("/api/v1/resources?riskOfBias=true").then().statusCode(400)
                .body("errors[0].message", containsString("this address takes q, ct, xray, mri, ultrasound, metadata,"
                        + " caseReview, access, license, format, annotation, referenceStandard, population, imageSource,"
                        + " excludePaediatric, rtPcrOnly, hospitalImagesOnly, sort, page, size"));
        // the overlap check takes ids (the page: ids and q), the lineage nothing
        given().get("/api/v1/overlap?ids=a,b&q=x").then().statusCode(400).body("errors[0].field", is("q"))
                .body("errors[0].message", containsString("this address takes ids"));
        given().get("/api/v1/resources/covid-ct/lineage?format=json").then().statusCode(400)
                .body("errors[0].field", is("format"));
        // names are case-sensitive, like the JSON fields they mirror
        given().get("/api/v1/resources?CT=Y").then().statusCode(400).body("errors[0].field", is("CT"));
    }

    @Test
    void thePageSaysWhichParameterIsUnknownAndLinksToTheCatalog() {
        Response page = given().get("/?q=chest&casereview=Y");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        String html = page.asString();
        assertThat(html).contains("error-summary", "casereview", "caseReview", "<a href=\"/\">")
                .doesNotContain("href=\"/resources/");
        // what the reader typed is escaped
        given().urlEncodingEnabled(false).get("/?%3Cscript%3E=1").then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("&lt;script&gt;")).body(org.hamcrest.Matchers.not(containsString("<script>")));
    }
}
