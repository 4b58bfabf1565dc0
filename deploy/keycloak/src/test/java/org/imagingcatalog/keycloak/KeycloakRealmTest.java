package org.imagingcatalog.keycloak;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a REAL Keycloak (one start for the whole class) with the imaging-catalog realm file. */
class KeycloakRealmTest {

    private static String url;
    private static TokenClient tokens;

    @BeforeAll
    static void startKeycloak() {
        Map<String, String> config = new KeycloakTestResource().start();
        url = config.get("keycloak.url");
        tokens = KeycloakTestResource.tokenClient();
        assertTrue(url.matches("http://localhost:\\d+"), url);
        assertEquals(url + "/realms/imaging-catalog", config.get("quarkus.oidc.auth-server-url"));
    }

    @Test
    void theTestResourceIsASingleton() {
        Map<String, String> again = new KeycloakTestResource().start();
        assertEquals(url, again.get("keycloak.url"), "a second start must reuse the same Keycloak");
    }

    @Test
    void curatorTokenCarriesIssuerAndCuratorRole() {
        String token = tokens.passwordGrantToken("curator", "curator");
        Map<String, Object> claims = TokenClient.decodePayload(token);
        assertEquals(url + "/realms/imaging-catalog", claims.get("iss"));
        assertEquals("catalog-cli", claims.get("azp"));
        assertEquals("curator", claims.get("preferred_username"));
        List<String> roles = TokenClient.realmRoles(token);
        assertTrue(roles.contains("curator"), roles::toString);
        assertFalse(roles.contains("catalog-admin"), roles::toString);
        assertFalse(roles.contains("contributor"), roles::toString);
        assertAudienceIncludesServices(claims);
    }

    @Test
    void contributorIsNotACurator() {
        String token = tokens.passwordGrantToken("contributor", "contributor");
        assertEquals(url + "/realms/imaging-catalog", TokenClient.decodePayload(token).get("iss"));
        List<String> roles = TokenClient.realmRoles(token);
        assertTrue(roles.contains("contributor"), roles::toString);
        assertFalse(roles.contains("curator"), roles::toString);
    }

    @Test
    void catalogAdminDoesNotImplyCurator() {
        String token = tokens.passwordGrantToken("admin", "admin");
        assertEquals(url + "/realms/imaging-catalog", TokenClient.decodePayload(token).get("iss"));
        List<String> roles = TokenClient.realmRoles(token);
        assertTrue(roles.contains("catalog-admin"), roles::toString);
        assertFalse(roles.contains("curator"), roles::toString);
    }

    @Test
    void wrongPasswordIs401() {
        assertEquals(401, tokens.passwordGrant("curator", "not-the-password").status());
        TokenClient.TokenRequestException e = assertThrows(TokenClient.TokenRequestException.class,
                () -> tokens.passwordGrantToken("curator", "not-the-password"));
        assertEquals(401, e.status());
        assertEquals(401, tokens.passwordGrant("nobody", "nobody").status());
    }

    @Test
    void tokenLifespanIsFiveMinutes() {
        Map<String, Object> claims = TokenClient.decodePayload(tokens.passwordGrantToken("curator", "curator"));
        long exp = ((Number) claims.get("exp")).longValue();
        long iat = ((Number) claims.get("iat")).longValue();
        assertEquals(300, exp - iat);
    }

    @Test
    void realmResourceIsOnTheClasspath() {
        String realm = new String(KeycloakServer.realmResource(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(realm.contains("\"realm\" : \"imaging-catalog\"") || realm.contains("\"realm\": \"imaging-catalog\""));
        assertSame(KeycloakServer.REALM, "imaging-catalog");
    }

    @SuppressWarnings("unchecked")
    private static void assertAudienceIncludesServices(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        List<String> audiences = aud instanceof List<?> l ? (List<String>) l : List.of(String.valueOf(aud));
        assertTrue(audiences.contains("curation-service"), audiences::toString);
        assertTrue(audiences.contains("submission-service"), audiences::toString);
        assertTrue(audiences.contains("public-web"), audiences::toString);
    }
}
