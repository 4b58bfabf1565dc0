package org.imagingcatalog.curation.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.Filters;
import org.imagingcatalog.curation.review.ReviewItem;
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

/** The review queue: newest first, filterable by kind and status, with counts per status. */
@Path("/")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.TEXT_HTML)
public class QueuePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(List<ReviewItem> items, Map<String, Long> counts, String kind, String status,
                List<String> kinds, List<String> statuses);
    }

    private final CurationActions actions;

    public QueuePage(CurationActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("kind") String kind, @QueryParam("status") String status) {
        String k = Filters.kind(kind);
        String s = Filters.status(status);
        return Templates.queue(actions.queue(k, s), actions.queueCounts(), k == null ? "" : k, s == null ? "" : s,
                Arrays.stream(SubmissionKind.values()).map(Enum::name).toList(),
                Arrays.stream(SubmissionStatus.values()).map(Enum::name).toList());
    }
}
