package org.imagingcatalog.submission.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.HtmlForm;
import org.imagingcatalog.submission.support.Proposals;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** A flood from one address gets 429 with Retry-After, for the API and the forms alike, and stores nothing. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimit.class)
class RateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.submission.rate-limit.per-minute", "3");
        }
    }

    @Inject
    DataSource dataSource;

    @Test
    void aFloodIsAnswered429WithRetryAfter() {
        Db db = new Db(dataSource);
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Proposals.newResourceJson("Flood " + i, null, null))
                    .when().post("/api/v1/submissions").then().statusCode(202);
        }
        String before = db.snapshot();

        Response api = given().contentType(ContentType.JSON).body(Proposals.newResourceJson("Flood 4", null, null))
                .when().post("/api/v1/submissions");
        api.then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("detail", containsString("Too many submissions from your address"));
        assertThat(Integer.parseInt(api.header("Retry-After"))).isBetween(1, 60);

        Response form = HtmlForm.open("/new").post("/new", Proposals.newResourceForm("Flood form"));
        form.then().statusCode(429).contentType(containsString("text/html"))
                .body(containsString("Too many submissions came from your address"));
        assertThat(Integer.parseInt(form.header("Retry-After"))).isBetween(1, 60);

        // reading is never limited
        given().when().get("/new").then().statusCode(200);
        assertThat(db.snapshot()).isEqualTo(before);
    }
}
