package org.imagingcatalog.curation.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.curation.api.ApiViews.Audit;
import org.imagingcatalog.curation.api.ApiViews.AuditItem;
import org.imagingcatalog.curation.audit.AuditEntry;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.Filters;
import org.imagingcatalog.curation.curating.Paged;
import org.imagingcatalog.curation.curating.Paging;
import org.imagingcatalog.model.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The whole audit log for catalog administrators (role catalog-admin only; curators read it on the audit page). */
@Path("/api/v1/audit")
@RolesAllowed(Roles.CATALOG_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
@SecurityRequirement(name = "keycloak")
public class AuditApi {

    private static final String AUDIT = "/api/v1/audit";

    private final CurationActions actions;

    public AuditApi(CurationActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(summary = "Every curator action and login, newest first, a page at a time (catalog-admin only)",
            description = "Filters: curator (who acted, e.g. curator or seed), action (LOGIN, CLAIM, DECISION, EDIT, REVERT, "
                    + "WITHDRAW, RESTORE, SEED_IMPORT, IMPORT, IMPORT_REVERT, RELEASE_CUT), from and to (UTC dates like 2026-01-31, both days included, or "
                    + "times like 2026-01-31T12:00:00Z). page from 1, size 1 to 200 (default 50). Bad values answer 400 "
                    + "naming them. The answer has the total and the paths of the next and previous pages.")
    public Audit audit(@QueryParam("curator") String curator, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        var query = Filters.audit(curator, action, from, to);
        Paged<AuditEntry> paged = actions.auditLog(query, Paging.of(page, size));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("curator", query.actor());
        filters.put("action", query.action());
        filters.put("from", from == null ? null : from.strip());
        filters.put("to", to == null ? null : to.strip());
        return new Audit(paged.items().stream().map(AuditItem::of).toList(), paged.page(), paged.size(), paged.total(),
                paged.link(AUDIT, filters, true), paged.link(AUDIT, filters, false));
    }
}
