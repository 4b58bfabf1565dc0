package org.imagingcatalog.publicweb.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.imagingcatalog.keycloak.KeycloakTestResource;

/** Access tokens of the realm's demo users, from the real Keycloak (password grant through catalog-cli). */
public final class Tokens {

    public static final String ADMIN = "admin";
    public static final String CURATOR = "curator";
    public static final String CONTRIBUTOR = "contributor";
    /** Well inside the realm's access token lifespan, so a long test run never sends an expired one. */
    private static final Duration REUSE = Duration.ofSeconds(60);
    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private record Issued(String token, Instant at) {
    }

    private Tokens() {
    }

    /** The user's access token (the demo users' passwords equal their names). */
    public static String of(String user) {
        return CACHE.compute(user, (u, issued) -> issued != null && issued.at().plus(REUSE).isAfter(Instant.now())
                ? issued : new Issued(KeycloakTestResource.accessToken(u, u), Instant.now())).token();
    }

    public static String bearer(String user) {
        return "Bearer " + of(user);
    }
}
