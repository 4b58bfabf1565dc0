package org.imagingcatalog.curation.audit;

import org.jboss.logging.Logger;

import io.quarkus.oidc.SecurityEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Audits every curator login through the web UI (Quarkus OIDC fires OIDC_LOGIN after the code flow). */
@ApplicationScoped
public class LoginAuditor {

    private static final Logger LOG = Logger.getLogger(LoginAuditor.class);

    private final AuditLog audit;
    private final Vertx vertx;

    public LoginAuditor(AuditLog audit, Vertx vertx) {
        this.audit = audit;
        this.vertx = vertx;
    }

    void onSecurityEvent(@Observes SecurityEvent event) {
        if (event.getEventType() != SecurityEvent.Type.OIDC_LOGIN) {
            return;
        }
        String user = event.getSecurityIdentity().getPrincipal().getName();
        String roles = String.join(",", new java.util.TreeSet<>(event.getSecurityIdentity().getRoles()));
        // fired on the event loop: the database write runs on a worker thread
        vertx.executeBlocking(() -> {
            audit.recordAlone(user, AuditAction.LOGIN, null, "roles: " + roles);
            return null;
        }, false).onFailure(e -> LOG.warnf(e, "cannot audit the login of %s", user));
    }
}
