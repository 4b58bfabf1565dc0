package org.imagingcatalog.curation.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditEntry;
import org.imagingcatalog.curation.audit.AuditQuery;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.curating.Filters;
import org.imagingcatalog.curation.curating.Paged;
import org.imagingcatalog.curation.curating.Paging;
import org.imagingcatalog.model.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every curator action with who and when, newest first, a page at a time, filtered by curator, action and date.
 * Curators and catalog-admin (who does not curate) read it here.
 */
@Path("/audit")
@RolesAllowed({ Roles.CURATOR, Roles.CATALOG_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class AuditPage {

    /** What the filter form shows: the values as entered. */
    public record Filter(String curator, String action, String from, String to) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Paged<AuditEntry> entries, Filter filter, List<String> actions, String next,
                String previous, String problem, Map<String, String> errors);
    }

    private final CurationActions curation;

    public AuditPage(CurationActions curation) {
        this.curation = curation;
    }

    @GET
    @Operation(hidden = true)
    public Response audit(@QueryParam("curator") String curator, @QueryParam("action") String action,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        List<String> all = Arrays.stream(AuditAction.values()).map(Enum::name).toList();
        Filter shown = new Filter(trim(curator), action == null ? "" : action.trim().toUpperCase(java.util.Locale.ROOT),
                trim(from), trim(to));
        try {
            AuditQuery query = Filters.audit(curator, action, from, to);
            Paged<AuditEntry> paged = curation.auditPage(query, Paging.of(page, size));
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("curator", query.actor());
            filters.put("action", query.action());
            filters.put("from", shown.from());
            filters.put("to", shown.to());
            return html(200, Templates.audit(paged, shown, all, paged.link("/audit", filters, true),
                    paged.link("/audit", filters, false), null, Map.of()));
        } catch (CurationProblem problem) {
            // nothing is read: the filters are shown again with what is wrong with them
            Map<String, String> errors = ResourceForm.errors(problem.errors());
            return html(problem.kind().status, Templates.audit(new Paged<>(List.of(), 0, Paging.first()), shown, all,
                    null, null, problem.getMessage(), errors));
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
