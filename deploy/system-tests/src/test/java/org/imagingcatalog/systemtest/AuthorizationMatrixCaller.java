package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sends one route's request as one kind of caller. Browser routes get the caller's session cookie (a real
 * login on the service's Keycloak page) when it has one, or else its bearer token, which browser routes must
 * ignore; API and public routes get the bearer token.
 */
final class AuthorizationMatrixCaller {

    /** The columns of the matrix: who calls. */
    enum Who {
        ANONYMOUS("anonymous"), CONTRIBUTOR("contributor"), CATALOG_ADMIN("catalog-admin"),
        EXPIRED("expired token"), OTHER_REALM("other realm"), OTHER_CLIENT("other client"), CURATOR("curator");

        final String label;

        Who(String label) {
            this.label = label;
        }

        boolean hasSession() {
            return this == CONTRIBUTOR || this == CATALOG_ADMIN || this == CURATOR;
        }
    }

    /** How a route takes credentials. */
    enum Kind {
        /** Pages and forms behind the authorization-code login: cookies only. */
        BROWSER,
        /** Bearer tokens only; the curator's routes. */
        API,
        /** Bearer tokens only, and only the catalog-admin role (the audit log, the read-model rebuild). */
        ADMIN_API,
        /** Bearer tokens only; curators and catalog-admin alike (the list of releases). */
        STAFF_API,
        /** No login at all: whatever the caller sends, the answer is the same. */
        PUBLIC
    }

    /** One request, built when it is sent (so it can carry the current version or a fresh CSRF token). */
    record Call(String method, String url, String contentType, String body, String... headers) {
        static Call get(String url) {
            return new Call("GET", url, null, null);
        }
    }

    /** What came back, as the matrix shows it: the status, "302 login" for a redirect to Keycloak's login. */
    record Outcome(int status, String cell, String body) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private final Map<String, Map<Who, SecurityWebSession>> sessions = new java.util.HashMap<>();

    void token(Who who, String token) {
        tokens.put(who, token);
    }

    void session(String serviceUrl, Who who, SecurityWebSession session) {
        sessions.computeIfAbsent(serviceUrl, k -> new EnumMap<>(Who.class)).put(who, session);
    }

    SecurityWebSession session(String serviceUrl, Who who) {
        return sessions.getOrDefault(serviceUrl, Map.of()).get(who);
    }

    Outcome send(Kind kind, String serviceUrl, Who who, Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).timeout(Duration.ofSeconds(30));
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()))
                    .header("Content-Type", call.contentType());
        }
        for (int i = 0; i + 1 < call.headers().length; i += 2) {
            request.header(call.headers()[i], call.headers()[i + 1]);
        }
        SecurityWebSession session = session(serviceUrl, who);
        if (kind == Kind.BROWSER && who.hasSession() && session != null) {
            request.header("Cookie", session.cookieHeader());
        } else if (tokens.containsKey(who)) {
            request.header("Authorization", "Bearer " + tokens.get(who));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse("");
            String cell = response.statusCode() == 302 && location.contains("/protocol/openid-connect/auth")
                    ? "302 login" : Integer.toString(response.statusCode());
            return new Outcome(response.statusCode(), cell, response.body());
        } catch (IOException e) {
            return new Outcome(0, "no answer", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
