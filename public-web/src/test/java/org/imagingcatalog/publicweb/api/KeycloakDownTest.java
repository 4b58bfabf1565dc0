package org.imagingcatalog.publicweb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.imagingcatalog.testsupport.kafka.KafkaTestResource;
import org.imagingcatalog.testsupport.postgres.PostgresTestResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 14: the public catalog does not depend on Keycloak. With Keycloak unreachable from start-up on, the
 * service starts, every public page and export answers, and only the operator's route is refused (401).
 */
@QuarkusTest
@TestProfile(KeycloakDownTest.KeycloakUnreachable.class)
class KeycloakDownTest {

    /** The real database and broker, and a Keycloak address nothing listens on. */
    public static class KeycloakUnreachable implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:9/realms/imaging-catalog",
                    "quarkus.oidc.connection-timeout", "1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PostgresTestResource.class, Map.of("prefix", "publicweb")),
                    new TestResourceEntry(KafkaTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void thePublicCatalogAnswersWithoutKeycloak() {
        for (String path : List.of("/", "/?q=x-ray", "/api/v1/resources?q=ct", "/export/catalog.csv", "/feed.atom",
                "/stats", "/about", "/q/health/ready")) {
            assertThat(given().get(path).statusCode()).as(path).isEqualTo(200);
            // a stray Authorization header changes nothing on a public page
            assertThat(given().header("Authorization", "Bearer not-a-jwt").get(path).statusCode()).as(path)
                    .isEqualTo(200);
        }
        assertThat(given().post("/admin/rebuild").statusCode()).isEqualTo(401);
    }
}
