package org.imagingcatalog.model;

/** The Keycloak realm roles of the contract. */
public final class Roles {

    public static final String CONTRIBUTOR = "contributor";
    public static final String CURATOR = "curator";
    public static final String CATALOG_ADMIN = "catalog-admin";

    private Roles() {
    }
}
