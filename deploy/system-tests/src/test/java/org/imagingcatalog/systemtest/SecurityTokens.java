package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.keycloak.TokenClient;
import org.imagingcatalog.testsupport.Quietly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Real tokens from the running Keycloak, the good and the bad: the demo users' tokens, a token that has
 * genuinely expired, one from another realm (master) and one issued to another client (without
 * curation-service in its audience). The expired and other-client tokens come from clients this class
 * creates in the realm for the purpose, under unique names, and deletes again ({@link #close()}), so the
 * realm other tests use is left as it was.
 */
final class SecurityTokens implements AutoCloseable {

    private static final String REALM = "imaging-catalog";
    private static final int SHORT_LIFESPAN_SECONDS = 5;

    private final String keycloakUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> createdClients = new ArrayList<>();

    SecurityTokens(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    /** A demo user's access token (public client catalog-cli: audience curation-service and submission-service). */
    String user(String name) {
        return new TokenClient(keycloakUrl).passwordGrantToken(name, name);
    }

    /** The master realm's admin token: right server, wrong realm. */
    String otherRealm() {
        return passwordGrant("master", "admin-cli", "admin", "admin");
    }

    /** The curator's token from a client of the realm whose tokens are not meant for curation-service. */
    String otherClient() {
        String clientId = createClient("systest-other-client-", null, false);
        return passwordGrant(REALM, clientId, "curator", "curator");
    }

    /**
     * The curator's token, audience and roles all right, from a client whose tokens live five seconds. It is
     * still valid when answered; {@link #awaitExpiry} waits until it is not.
     */
    String shortLived() {
        String clientId = createClient("systest-short-lived-", Integer.toString(SHORT_LIFESPAN_SECONDS), true);
        return passwordGrant(REALM, clientId, "curator", "curator");
    }

    /** Waits until the token's {@code exp} has passed, plus a margin for clock skew. */
    static void awaitExpiry(String token) {
        long expiresAt = ((Number) TokenClient.decodePayload(token).get("exp")).longValue();
        long waitMillis = (expiresAt - Instant.now().getEpochSecond() + 2) * 1000;
        if (waitMillis > 0) {
            Quietly.sleep(waitMillis);
        }
    }

    /** Seconds until an expired token's {@code exp} was reached, for the report. */
    static long lifespan(String token) {
        Map<String, Object> claims = TokenClient.decodePayload(token);
        return ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue();
    }

    private String createClient(String prefix, String lifespanSeconds, boolean curationAudience) {
        String clientId = prefix + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode client = Http.JSON.createObjectNode()
                .put("clientId", clientId).put("publicClient", true).put("directAccessGrantsEnabled", true)
                .put("standardFlowEnabled", false);
        if (lifespanSeconds != null) {
            client.putObject("attributes").put("access.token.lifespan", lifespanSeconds);
        }
        if (curationAudience) {
            ObjectNode mapper = client.putArray("protocolMappers").addObject()
                    .put("name", "audience-curation-service").put("protocol", "openid-connect")
                    .put("protocolMapper", "oidc-audience-mapper");
            mapper.putObject("config").put("included.client.audience", "curation-service")
                    .put("access.token.claim", "true").put("id.token.claim", "false");
        }
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(adminUrl() + "/clients"))
                .header("Authorization", "Bearer " + masterAdmin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString())));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Keycloak did not create client " + clientId + ": " + created.statusCode()
                    + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        createdClients.add(location.substring(location.lastIndexOf('/') + 1));
        return clientId;
    }

    @Override
    public void close() {
        for (String id : createdClients) {
            send(HttpRequest.newBuilder(URI.create(adminUrl() + "/clients/" + id))
                    .header("Authorization", "Bearer " + masterAdmin()).DELETE());
        }
        createdClients.clear();
    }

    private String adminUrl() {
        return keycloakUrl + "/admin/realms/" + REALM;
    }

    private String masterAdmin() {
        return otherRealm();
    }

    private String passwordGrant(String realm, String clientId, String user, String password) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/" + realm
                + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SecurityWebSession.form(SecurityWebSession.fields(
                        "grant_type", "password", "client_id", clientId, "username", user, "password", password)))));
        try {
            JsonNode json = Http.JSON.readTree(answer.body());
            if (answer.statusCode() != 200 || !json.hasNonNull("access_token")) {
                throw new IllegalStateException("no token for " + user + " from " + realm + "/" + clientId + ": "
                        + answer.statusCode() + " " + answer.body());
            }
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered no JSON: " + answer.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloakUrl + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
