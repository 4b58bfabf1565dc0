package org.imagingcatalog.curation.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.CurationActions.QueueEntry;
import org.imagingcatalog.curation.curating.Filters;
import org.imagingcatalog.curation.curating.Paged;
import org.imagingcatalog.curation.curating.Paging;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The review queue: newest first, filterable by kind and status, a page at a time, with counts per status. */
@Path("/")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.TEXT_HTML)
public class QueuePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Paged<QueueEntry> queue, Map<String, Long> counts, String kind,
                String status, List<String> kinds, List<String> statuses, String next, String previous);
    }

    private final CurationActions actions;

    public QueuePage(CurationActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String k = Filters.kind(kind);
        String s = Filters.status(status);
        Paged<QueueEntry> paged = actions.queue(k, s, Paging.of(page, size));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("kind", k);
        filters.put("status", s);
        return Templates.queue(paged, actions.queueCounts(), k == null ? "" : k, s == null ? "" : s,
                Arrays.stream(SubmissionKind.values()).map(Enum::name).toList(),
                Arrays.stream(SubmissionStatus.values()).map(Enum::name).toList(),
                paged.link("/", filters, true), paged.link("/", filters, false));
    }
}
