package org.imagingcatalog.curation.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.CurationActions.Review;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.curating.CuratorInput;
import org.imagingcatalog.curation.curating.Filters;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * One submission under review: what it proposes, how it differs (from the current version, and from the
 * contributor's previous round), likely duplicates, the claim, and the decision form. Showing it changes nothing.
 */
@Path("/review/{id}")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Review review, boolean editable, List<ResourceForm.Field> fields,
                ResourceForm.TrustView trust, String message, String problem, Map<String, String> errors);
    }

    private final CurationActions actions;

    public ReviewPage(CurationActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") String id) {
        Review review = actions.review(Filters.uuid(id));
        return page(review, ResourceForm.values(review.proposal()), Map.of(), "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID submissionId = Filters.uuid(id);
        String message = form.getFirst("message");
        try {
            var decision = actions.decide(submissionId, outcome(form.getFirst("outcome")), message,
                    new CuratorInput.Form(form, version(form.getFirst("shownVersion"))));
            if (decision.version() != null) {
                return seeOther("/resources/" + decision.version().row().resourceId + "?accepted=" + submissionId);
            }
            return seeOther("/review/" + submissionId);
        } catch (CurationProblem problem) {
            Review review = actions.review(submissionId);
            Map<String, List<String>> values = review.editable() ? ResourceForm.values(form)
                    : ResourceForm.values(review.proposal());
            Map<String, String> errors = ResourceForm.errors(problem.errors(), values);
            return answer(problem, page(review, values, errors, message == null ? "" : message, problem.getMessage()));
        }
    }

    /** Claims the review (a POST with the page's CSRF token); back to the review page, which shows the claim. */
    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response claim(@PathParam("id") String id) {
        UUID submissionId = Filters.uuid(id);
        try {
            actions.claim(submissionId);
            return seeOther("/review/" + submissionId);
        } catch (CurationProblem problem) {
            if (problem.kind() == CurationProblem.Kind.NOT_FOUND) {
                throw problem;
            }
            Review review = actions.review(submissionId);
            return answer(problem, page(review, ResourceForm.values(review.proposal()), Map.of(), "", problem.getMessage()));
        }
    }

    private TemplateInstance page(Review review, Map<String, List<String>> values, Map<String, String> errors,
            String message, String problem) {
        String fixedId = review.fixedId();
        if (fixedId != null) {
            values.put("id", List.of(fixedId));
        }
        return Templates.review(review, review.editable(), ResourceForm.fields(values, errors, fixedId != null),
                ResourceForm.trust(values, errors), message, problem, errors);
    }

    private static Response answer(CurationProblem problem, TemplateInstance page) {
        return Response.status(problem.kind().status).entity(page).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private static DecisionOutcome outcome(String value) {
        try {
            return value == null ? null : DecisionOutcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The version the page showed (a hidden field); anything unreadable counts as none. */
    private static Integer version(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
