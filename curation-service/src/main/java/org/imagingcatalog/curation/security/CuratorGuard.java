package org.imagingcatalog.curation.security;

import org.imagingcatalog.model.Roles;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The one permission check of every curation action: the caller must be a logged-in curator. */
@RequestScoped
@jakarta.inject.Named("curator")
public class CuratorGuard {

    private final SecurityIdentity identity;

    public CuratorGuard(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** @return the curator's user name (for history and audit) */
    public String requireCurator() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Roles.CURATOR)) {
            throw new ForbiddenException("Role " + Roles.CURATOR + " required");
        }
        return identity.getPrincipal().getName();
    }

    public String userName() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
