package org.imagingcatalog.curation.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.actions.CurationActions;
import org.imagingcatalog.curation.actions.CurationActions.Review;
import org.imagingcatalog.curation.actions.CurationProblem;
import org.imagingcatalog.curation.actions.CuratorInput;
import org.imagingcatalog.curation.api.Filters;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.model.SubmissionKind;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** One submission under review: what it proposes, how it differs, likely duplicates, and the decision form. */
@Path("/review/{id}")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.TEXT_HTML)
public class ReviewPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Review review, boolean editable, List<ResourceForm.Field> fields,
                String message, String problem, Map<String, String> errors);
    }

    @Inject
    CurationActions actions;

    @GET
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") String id) {
        Review review = actions.openForReview(Filters.uuid(id));
        return page(review, ResourceForm.values(review.proposal()), Map.of(), "", null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID submissionId = Filters.uuid(id);
        String message = form.getFirst("message");
        DecisionOutcome outcome = outcome(form.getFirst("outcome"));
        try {
            Review current = actions.openForReview(submissionId);
            boolean editable = editable(current);
            CuratorInput input = editable && outcome == DecisionOutcome.ACCEPT
                    ? new CuratorInput.Form(form) : CuratorInput.none();
            var decision = actions.decide(submissionId, outcome, message, input);
            if (decision.version() != null) {
                return seeOther("/resources/" + decision.version().row().resourceId + "?accepted=" + submissionId);
            }
            return seeOther("/review/" + submissionId);
        } catch (CurationProblem problem) {
            Review review = actions.openForReview(submissionId);
            Map<String, String> errors = ResourceForm.errors(problem.errors());
            Map<String, String> values = editable(review) ? ResourceForm.values(form) : ResourceForm.values(review.proposal());
            return Response.status(problem.kind().status)
                    .entity(page(review, values, errors, message == null ? "" : message, problem.getMessage()))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    private TemplateInstance page(Review review, Map<String, String> values, Map<String, String> errors,
            String message, String problem) {
        boolean editable = editable(review);
        String fixedId = SubmissionKind.CORRECTION.name().equals(review.item().kind) ? review.item().resourceId : null;
        if (fixedId != null) {
            values.put("id", fixedId);
        }
        return Templates.review(review, editable, ResourceForm.fields(values, errors, fixedId != null), message,
                problem, errors);
    }

    private static boolean editable(Review review) {
        return review.proposal() != null && !SubmissionKind.WITHDRAWAL.name().equals(review.item().kind);
    }

    private static DecisionOutcome outcome(String value) {
        try {
            return value == null ? null : DecisionOutcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
