package org.imagingcatalog.curation.security;

import org.imagingcatalog.model.Roles;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/**
 * The one permission check of every curation action. Curating (the queue, reviews, decisions, claims, resources
 * and their history) takes the {@code curator} role. The audit log is read by curators in the UI and by
 * {@code catalog-admin} in the UI and, alone, through the API. Releases are cut by {@code catalog-admin} alone and
 * listed to both. catalog-admin does not curate: the demo admin has only that role and sees the audit and release
 * pages, nothing else here.
 */
@RequestScoped
@jakarta.inject.Named("curator")
public class CuratorGuard {

    private final SecurityIdentity identity;

    public CuratorGuard(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** @return the curator's user name (for history and audit) */
    public String requireCurator() {
        return require(Roles.CURATOR, "Role " + Roles.CURATOR + " required");
    }

    /** The whole audit log through the API: catalog-admin only. */
    public String requireCatalogAdmin() {
        return require(Roles.CATALOG_ADMIN, "Role " + Roles.CATALOG_ADMIN + " required");
    }

    /** The audit page and the list of releases: curators and catalog-admin. */
    public String requireCuratorOrAdmin() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.CURATOR) && !identity.hasRole(Roles.CATALOG_ADMIN)) {
            throw new ForbiddenException("Role " + Roles.CURATOR + " or " + Roles.CATALOG_ADMIN + " required");
        }
        return identity.getPrincipal().getName();
    }

    private String require(String role, String message) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(role)) {
            throw new ForbiddenException(message);
        }
        return identity.getPrincipal().getName();
    }

    public String userName() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    /** For the layout: whether to offer the curators' pages. */
    public boolean isCurator() {
        return !identity.isAnonymous() && identity.hasRole(Roles.CURATOR);
    }

    public boolean isCatalogAdmin() {
        return !identity.isAnonymous() && identity.hasRole(Roles.CATALOG_ADMIN);
    }
}
