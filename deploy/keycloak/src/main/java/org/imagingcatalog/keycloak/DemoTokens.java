package org.imagingcatalog.keycloak;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the realm's demo users (their passwords equal their names) for the services' tests, from the real
 * Keycloak through {@code catalog-cli}. One is reused for a minute, well inside the realm's five-minute lifespan, so a
 * long test run never sends an expired one.
 */
public final class DemoTokens {

    private static final Duration REUSE = Duration.ofSeconds(60);
    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private record Issued(String token, Instant at) {
    }

    private DemoTokens() {
    }

    public static String of(String user) {
        return CACHE.compute(user, (u, issued) -> issued != null && issued.at().plus(REUSE).isAfter(Instant.now())
                ? issued : new Issued(KeycloakTestResource.accessToken(u, u), Instant.now())).token();
    }
}
