package org.imagingcatalog.curation.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.imagingcatalog.keycloak.KeycloakTestResource;

/** Access tokens of the realm's demo users, from the real Keycloak (password grant through catalog-cli). */
public final class Tokens {

    public static final String CURATOR = "curator";
    public static final String CONTRIBUTOR = "contributor";
    public static final String ADMIN = "admin";
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The user's access token (the demo users' passwords equal their names); cached, tokens live minutes. */
    public static String of(String user) {
        return CACHE.computeIfAbsent(user, u -> KeycloakTestResource.accessToken(u, u));
    }

    public static String bearer(String user) {
        return "Bearer " + of(user);
    }
}
