package org.imagingcatalog.curation.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Base64;
import java.util.List;

import org.imagingcatalog.curation.support.CapturedLog;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A bearer token that is not even a JWT is refused on the spot: 401 with a problem+json body, without asking
 * Keycloak to introspect it and without an ERROR in the log.
 */
@QuarkusTest
class MalformedBearerTokenTest {

    @Test
    void malformedBearerTokensAre401ProblemsWithoutAnErrorInTheLog() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\",\"kid\":\"nope\"}".getBytes());
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\":\"x\"}".getBytes());
        List<String> tokens = List.of("garbage", "not-a-jwt-at-all", "a.b.c", "x.y", "%%%", "eyJ.eyJ.sig",
                header + "." + claims + ".c2lnbmF0dXJl", "Zm9v" + "A".repeat(400));
        try (CapturedLog log = CapturedLog.start()) {
            for (String token : tokens) {
                for (String path : List.of("/api/v1/queue", "/api/v1/resources", "/api/v1/audit")) {
                    given().header("Authorization", "Bearer " + token).get(path).then().log().ifValidationFails()
                            .statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                            .header("WWW-Authenticate", startsWith("Bearer"));
                }
            }
            for (String header2 : List.of("Bearer ", "Bearer", "Bearer  ", "Basic Zm9vOmJhcg==")) {
                given().header("Authorization", header2).get("/api/v1/queue").then().log().ifValidationFails()
                        .statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
            }
            assertThat(log.errors()).as("ERROR lines logged while refusing malformed tokens").isEmpty();
            assertThat(log.of("io.quarkus.oidc")).as("OIDC log lines")
                    .noneMatch(line -> line.toLowerCase().contains("introspect"));
        }
    }
}
