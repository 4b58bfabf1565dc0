package org.imagingcatalog.submission.decision;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.submission.support.Await;
import org.imagingcatalog.submission.support.Catalog;
import org.imagingcatalog.submission.support.Proposals;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Tracking an accepted new resource names the id the curators gave it and links its public page. */
@QuarkusTest
class AcceptedResourceTest {

    @Test
    void anAcceptedNewResourceNamesItsIdAndLinksItsPublicPage() {
        JsonPath accepted = given().contentType(ContentType.JSON)
                .body(Proposals.newResourceJson("Accepted proposal", Proposals.uniqueSlug("suggested"), null))
                .when().post("/api/v1/submissions").then().statusCode(202).extract().jsonPath();
        String token = Catalog.token(accepted.getString("trackingUrl"));
        String chosen = Proposals.uniqueSlug("curator-chosen");

        Catalog.decide(UUID.fromString(accepted.getString("id")), DecisionOutcome.ACCEPT, "Added.", chosen, 1);
        Await.until("the acceptance", Duration.ofSeconds(30),
                () -> "ACCEPTED".equals(given().get("/api/v1/submissions/" + token).then().extract().path("status")));

        given().get("/api/v1/submissions/" + token).then().statusCode(200)
                .body("resourceId", equalTo(chosen))
                .body("publicUrl", equalTo("http://localhost:8080/resources/" + chosen));
        given().get("/track/" + token).then().statusCode(200)
                .body(containsString("<code>" + chosen + "</code>"))
                .body(containsString("href=\"http://localhost:8080/resources/" + chosen + "\""));
    }
}
