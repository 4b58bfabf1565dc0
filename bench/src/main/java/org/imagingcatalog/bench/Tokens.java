package org.imagingcatalog.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Curator bearer tokens from Keycloak (password grant of the public catalog-cli client), renewed before they expire. */
final class Tokens {

    private final Http http;
    private final String tokenUrl;
    private final String username;
    private final String password;
    private String token;
    private long renewAt;

    Tokens(Http http, String keycloakUrl, String username, String password) {
        this.http = http;
        this.tokenUrl = keycloakUrl + "/realms/imaging-catalog/protocol/openid-connect/token";
        this.username = username;
        this.password = password;
    }

    synchronized String bearer() {
        if (token == null || System.currentTimeMillis() > renewAt) {
            String form = "grant_type=password&client_id=catalog-cli&username=" + enc(username) + "&password=" + enc(password);
            Http.Reply reply = http.send("POST", tokenUrl, form, "Content-Type", "application/x-www-form-urlencoded");
            if (reply.status() != 200) {
                throw new IllegalStateException("no token from " + tokenUrl + " (" + reply.status() + "): " + reply.text());
            }
            var json = reply.json();
            token = json.get("access_token").asText();
            long lifetime = json.path("expires_in").asLong(300);
            renewAt = System.currentTimeMillis() + Math.max(10, lifetime - 60) * 1000;
        }
        return "Bearer " + token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
