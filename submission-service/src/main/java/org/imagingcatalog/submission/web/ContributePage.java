package org.imagingcatalog.submission.web;

import java.util.List;
import java.util.function.Function;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.Validated;
import org.imagingcatalog.submission.proposals.CurrentContributor;
import org.imagingcatalog.submission.proposals.InvalidSubmissionException;
import org.imagingcatalog.submission.proposals.PublishedTarget;
import org.imagingcatalog.submission.proposals.SubmissionRequest;
import org.imagingcatalog.submission.proposals.SubmissionRules;
import org.imagingcatalog.submission.proposals.SubmissionService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The three contribution forms: a new resource, a correction, a withdrawal. A stored one answers 303 to its
 * tracking page (Post/Redirect/Get), which thanks once; a refused one answers 400 with the errors and the input.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ContributePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newResource(FormView form, CurrentContributor contributor);

        static native TemplateInstance correction(String resourceId, String resourceName, FormView form,
                CurrentContributor contributor);

        static native TemplateInstance withdrawal(String resourceId, String resourceName, FormView form,
                CurrentContributor contributor);

    }

    private final SubmissionService submissions;
    private final CurrentContributor contributor;
    private final ErrorAnswers answers;

    public ContributePage(SubmissionService submissions, CurrentContributor contributor, ErrorAnswers answers) {
        this.submissions = submissions;
        this.contributor = contributor;
        this.answers = answers;
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        return Templates.newResource(FormView.empty(submissions.relationTargets(null)), contributor);
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitNew(@BeanParam FormFields form, @Context UriInfo uri) {
        if (form.honeypotFilled()) {
            return honeypot();
        }
        if (form.wantsMoreRows()) {
            return Response.ok(Templates.newResource(FormView.of(form, List.of(), submissions.relationTargets(null)),
                    contributor)).build();
        }
        // a new resource has no current version: the trust fields are the form's alone
        Validated<Resource> read = form.resource(null);
        SubmissionRequest request = new SubmissionRequest(SubmissionKind.NEW, null, read.value(), proposed(read.errors()),
                form.comment, form.submitterName, form.submitterEmail, contributor.subject().orElse(null));
        try {
            return ThankYou.redirect(submissions.submit(request).trackingToken(), ThankYou.SUBMITTED, uri);
        } catch (InvalidSubmissionException e) {
            return badRequest(Templates.newResource(FormView.of(form, e.errors(), submissions.relationTargets(null)),
                    contributor));
        }
    }

    @GET
    @Path("correct/{resourceId}")
    public Response correctionForm(@PathParam("resourceId") String resourceId) {
        return ifActive(resourceId, SubmissionKind.CORRECTION,
                resource -> Response.ok(Templates.correction(resourceId, resource.name(),
                        FormView.prefilled(resource, submissions.relationTargets(resourceId)), contributor)).build());
    }

    /**
     * A correction made in the form: read against the published version (a trust field the form does not show
     * keeps its value), then the action layer keeps only what differs from it ({@code MergePatch.between}).
     */
    @POST
    @Path("correct/{resourceId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitCorrection(@PathParam("resourceId") String resourceId, @BeanParam FormFields form, @Context UriInfo uri) {
        if (form.honeypotFilled()) {
            return honeypot();
        }
        return ifActive(resourceId, SubmissionKind.CORRECTION, resource -> {
            if (form.wantsMoreRows()) {
                return Response.ok(Templates.correction(resourceId, resource.name(),
                        FormView.of(form, List.of(), submissions.relationTargets(resourceId)), contributor)).build();
            }
            Validated<Resource> read = form.resource(resource);
            SubmissionRequest request = new SubmissionRequest(SubmissionKind.CORRECTION, resourceId, read.value(),
                    proposed(read.errors()), form.comment, form.submitterName, form.submitterEmail,
                    contributor.subject().orElse(null));
            try {
                return ThankYou.redirect(submissions.submit(request).trackingToken(), ThankYou.SUBMITTED, uri);
            } catch (InvalidSubmissionException e) {
                return badRequest(Templates.correction(resourceId, resource.name(),
                        FormView.of(form, e.errors(), submissions.relationTargets(resourceId)), contributor));
            }
        });
    }

    @GET
    @Path("withdraw/{resourceId}")
    public Response withdrawalForm(@PathParam("resourceId") String resourceId) {
        return ifActive(resourceId, SubmissionKind.WITHDRAWAL,
                resource -> Response.ok(Templates.withdrawal(resourceId, resource.name(), FormView.empty(), contributor))
                        .build());
    }

    @POST
    @Path("withdraw/{resourceId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitWithdrawal(@PathParam("resourceId") String resourceId, @BeanParam FormFields form, @Context UriInfo uri) {
        if (form.honeypotFilled()) {
            return honeypot();
        }
        return ifActive(resourceId, SubmissionKind.WITHDRAWAL, resource -> {
            SubmissionRequest request = new SubmissionRequest(SubmissionKind.WITHDRAWAL, resourceId, null, List.of(),
                    form.comment, form.submitterName, form.submitterEmail, contributor.subject().orElse(null));
            try {
                return ThankYou.redirect(submissions.submit(request).trackingToken(), ThankYou.SUBMITTED, uri);
            } catch (InvalidSubmissionException e) {
                return badRequest(Templates.withdrawal(resourceId, resource.name(),
                        FormView.of(form, e.errors(), List.of()), contributor));
            }
        });
    }

    /**
     * The form for a published, still active resource; otherwise the page saying why not. The rule is the action
     * layer's, the same the API answers with its {@code resourceId} error.
     */
    private Response ifActive(String resourceId, SubmissionKind kind, Function<Resource, Response> form) {
        PublishedTarget target = submissions.target(resourceId);
        if (target.isActive()) {
            return form.apply(target.resource());
        }
        return switch (target.refusal()) {
            case UNKNOWN -> answers.page(404, "Unknown resource", "There is no published resource with id “" + resourceId
                    + "”. Check the link, or propose it as a new resource.").build();
            case WITHDRAWN -> answers.page(409, "Resource withdrawn", "The resource “" + resourceId
                    + "” has been withdrawn from the catalog; it cannot be " + SubmissionRules.verb(kind) + " any more.")
                    .build();
        };
    }

    /** Deliberately says nothing about the hidden field, so a bot learns nothing. */
    private Response honeypot() {
        return answers.page(400, "Submission not accepted",
                "This submission could not be accepted. If you filled in the form yourself, reload it and send it again.")
                .build();
    }

    private static Response badRequest(TemplateInstance page) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page).type(MediaType.TEXT_HTML).build();
    }

    private static List<FieldError> proposed(List<FieldError> readErrors) {
        return readErrors.stream()
                .map(SubmissionRules::proposedError)
                .toList();
    }
}
