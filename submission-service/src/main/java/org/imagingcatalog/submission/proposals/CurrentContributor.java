package org.imagingcatalog.submission.proposals;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is submitting: nobody in particular, or a contributor logged in through Keycloak. */
@RequestScoped
public class CurrentContributor {

    private final SecurityIdentity identity;

    public CurrentContributor(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The OIDC subject of a logged-in user, recorded with their submissions. */
    public Optional<String> subject() {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return Optional.of(token.getSubject());
        }
        return Optional.ofNullable(identity.getPrincipal().getName());
    }

    public boolean loggedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String displayName() {
        if (!loggedIn()) {
            return null;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("preferred_username") != null) {
            return token.getClaim("preferred_username").toString();
        }
        return identity.getPrincipal().getName();
    }
}
