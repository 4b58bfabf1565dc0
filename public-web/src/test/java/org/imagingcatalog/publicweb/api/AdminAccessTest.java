package org.imagingcatalog.publicweb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14: the read-model rebuild belongs to the catalog-admin role, checked against the real Keycloak; the
 * static operator token is gone, and the public pages stay anonymous whatever Authorization header they get.
 */
@QuarkusTest
class AdminAccessTest {

    @Test
    void withoutATokenTheRebuildAnswers401() {
        given().post("/admin/rebuild").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json").body("detail", containsString("catalog-admin"));
        given().get("/admin/rebuild").then().statusCode(401);
    }

    @Test
    void aCuratorOrAContributorIsForbidden() {
        for (String user : new String[] {Tokens.CURATOR, Tokens.CONTRIBUTOR}) {
            given().header("Authorization", Tokens.bearer(user)).post("/admin/rebuild").then().statusCode(403)
                    .contentType("application/problem+json").body("status", is(403))
                    .body("detail", containsString("catalog-admin"));
            given().header("Authorization", Tokens.bearer(user)).get("/admin/rebuild").then().statusCode(403);
        }
    }

    @Test
    void anAdminRebuildsTheReadModel() {
        String admin = Tokens.bearer(Tokens.ADMIN);
        long before = given().header("Authorization", admin).get("/admin/rebuild").then().statusCode(200)
                .contentType("application/json").extract().jsonPath().getLong("rebuilds");
        given().header("Authorization", admin).post("/admin/rebuild").then().statusCode(202);
        Entries.await(() -> given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).get("/admin/rebuild")
                .jsonPath().getLong("rebuilds") > before, "the rebuild to run");
    }

    @Test
    void aMalformedForgedOrOldStyleTokenIs401() {
        String admin = Tokens.of(Tokens.ADMIN);
        String[] parts = admin.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        for (String authorization : new String[] {"Bearer not-a-jwt", "Bearer " + forged, "Bearer test-admin-token",
            "Basic YWRtaW46YWRtaW4=", "Bearer "}) {
            var answer = given().header("Authorization", authorization).post("/admin/rebuild");
            assertThat(answer.statusCode()).as(authorization).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).as(authorization).startsWith("Bearer");
        }
    }

    @Test
    void thePublicPagesStayAnonymousWhateverTheAuthorizationHeader() {
        for (String authorization : new String[] {"Bearer not-a-jwt", Tokens.bearer(Tokens.CURATOR)}) {
            for (String path : new String[] {"/", "/api/v1/resources?size=1", "/export/catalog.csv", "/feed.atom",
                "/stats", "/about"}) {
                assertThat(given().header("Authorization", authorization).get(path).statusCode()).as(path)
                        .isEqualTo(200);
            }
        }
    }
}
