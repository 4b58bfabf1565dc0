package org.imagingcatalog.publicweb.support;

import org.imagingcatalog.keycloak.DemoTokens;

/** Access tokens of the realm's demo users, from the real Keycloak (keycloak-support's {@link DemoTokens}). */
public final class Tokens {

    public static final String ADMIN = "admin";
    public static final String CURATOR = "curator";
    public static final String CONTRIBUTOR = "contributor";

    private Tokens() {
    }

    public static String of(String user) {
        return DemoTokens.of(user);
    }

    public static String bearer(String user) {
        return "Bearer " + of(user);
    }
}
