package org.imagingcatalog.keycloak;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gets tokens from the imaging-catalog realm through the public {@code catalog-cli} client
 * (password grant; local/dev realm only), and decodes their payload for assertions.
 *
 * <p>From a shell: {@code java -cp keycloak-support.jar:jackson... org.imagingcatalog.keycloak.TokenClient
 * http://localhost:8180 curator curator} prints the access token.
 */
public final class TokenClient {

    public static final String CLIENT_ID = "catalog-cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String keycloakUrl;
    private final String realm;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param keycloakUrl e.g. {@code http://localhost:8180} (no realm path) */
    public TokenClient(String keycloakUrl) {
        this(keycloakUrl, KeycloakServer.REALM);
    }

    public TokenClient(String keycloakUrl, String realm) {
        this.keycloakUrl = keycloakUrl.endsWith("/") ? keycloakUrl.substring(0, keycloakUrl.length() - 1) : keycloakUrl;
        this.realm = realm;
    }

    public String tokenEndpoint() {
        return keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** The access token for this user; throws {@link TokenRequestException} unless Keycloak answers 200. */
    public String passwordGrantToken(String username, String password) {
        Response r = passwordGrant(username, password);
        if (r.status() != 200) {
            throw new TokenRequestException(r.status(), r.body());
        }
        Object token = r.json().get("access_token");
        if (!(token instanceof String s)) {
            throw new TokenRequestException(r.status(), "no access_token in " + r.body());
        }
        return s;
    }

    /** The raw answer of the token endpoint (for tests of failures, e.g. 401 on a wrong password). */
    public Response passwordGrant(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLIENT_ID);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest req = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            return new Response(resp.statusCode(), resp.body());
        } catch (IOException e) {
            throw new UncheckedIOException("Token request to " + tokenEndpoint() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** The JWT's payload (claims) as a map; no signature check: for tests and scripts only. */
    public static Map<String, Object> decodePayload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT");
        }
        byte[] json = Base64.getUrlDecoder().decode(parts[1]);
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code realm_access.roles} of the token (empty if absent). */
    @SuppressWarnings("unchecked")
    public static List<String> realmRoles(String jwt) {
        Object ra = decodePayload(jwt).get("realm_access");
        if (ra instanceof Map<?, ?> m && m.get("roles") instanceof List<?> roles) {
            return (List<String>) roles;
        }
        return List.of();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Status and body of a token-endpoint answer. */
    public record Response(int status, String body) {
        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    /** Keycloak refused the token request. */
    public static final class TokenRequestException extends RuntimeException {
        private final int status;

        public TokenRequestException(int status, String body) {
            super("Token request failed with HTTP " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: TokenClient KEYCLOAK_URL USERNAME PASSWORD   (e.g. http://localhost:8180 curator curator)");
            System.exit(2);
        }
        System.out.println(new TokenClient(args[0]).passwordGrantToken(args[1], args[2]));
    }
}
