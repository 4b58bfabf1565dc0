package org.imagingcatalog.curation.web;

import java.util.List;
import java.util.function.Supplier;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.linkhealth.LinkHealthActions;
import org.imagingcatalog.curation.linkhealth.LinkHealthActions.Attention;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.model.events.LinkStatus;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What needs a curator's attention: broken, moved, changed and long unchecked addresses, sortable, each linking to the
 * entry's edit page; a permanent redirect is accepted with one click, a changed page marked as reviewed.
 */
@Path("/attention")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.TEXT_HTML)
public class AttentionPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance attention(Attention attention, List<String> statuses, List<String> sorts,
                String notice, String problem);
    }

    private static final List<String> STATUSES = List.of(LinkStatus.BROKEN.name(), LinkStatus.REDIRECTED.name(),
            LinkStatus.CHANGED.name(), LinkStatus.UNCHECKED.name());

    private final LinkHealthActions actions;

    public AttentionPage(LinkHealthActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(hidden = true)
    public Response attention(@QueryParam("status") String status, @QueryParam("sort") String sort,
            @QueryParam("done") String done) {
        String notice = "reviewed".equals(done) ? "Marked as reviewed: later checks compare with the page as it is now."
                : null;
        try {
            return html(200, Templates.attention(actions.attention(status, sort), STATUSES, sorts(), notice, null));
        } catch (CurationProblem problem) {
            return html(problem.kind().status, Templates.attention(actions.attention(null, null), STATUSES, sorts(), null,
                    problem.getMessage()));
        }
    }

    @POST
    @Path("/{id}/accept-move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response acceptMove(@PathParam("id") String id, @FormParam("url") String url) {
        return change(() -> actions.acceptMove(id, url), "/resources/" + id + "?done=edit");
    }

    @POST
    @Path("/{id}/reviewed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reviewed(@PathParam("id") String id, @FormParam("url") String url) {
        return change(() -> actions.markReviewed(id, url), "/attention?done=reviewed");
    }

    private Response change(Supplier<?> action, String then) {
        try {
            action.get();
            return ReviewPage.seeOther(then);
        } catch (CurationProblem problem) {
            if (problem.kind() == CurationProblem.Kind.NOT_FOUND) {
                throw problem;
            }
            return html(problem.kind().status, Templates.attention(actions.attention(null, null), STATUSES, sorts(), null,
                    problem.getMessage()));
        }
    }

    private static List<String> sorts() {
        return LinkHealthActions.SORTS.stream().flatMap(s -> java.util.stream.Stream.of(s, "-" + s)).toList();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
