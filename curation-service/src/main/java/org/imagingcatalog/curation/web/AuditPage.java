package org.imagingcatalog.curation.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditEntry;
import org.imagingcatalog.model.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Every curator action with who and when, newest first. */
@Path("/audit")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    static final int LIMIT = 500;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(List<AuditEntry> entries, String action, List<String> actions, int limit);
    }

    private final CurationActions curation;

    public AuditPage(CurationActions curation) {
        this.curation = curation;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance audit(@QueryParam("action") String action) {
        List<String> all = Arrays.stream(AuditAction.values()).map(Enum::name).toList();
        String a = action == null ? "" : action.trim().toUpperCase(Locale.ROOT);
        if (!all.contains(a)) {
            a = "";
        }
        return Templates.audit(curation.audit(a, LIMIT), a, all, LIMIT);
    }
}
