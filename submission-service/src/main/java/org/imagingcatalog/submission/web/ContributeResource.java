package org.imagingcatalog.submission.web;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.Validated;
import org.imagingcatalog.submission.catalog.PublishedCatalog;
import org.imagingcatalog.submission.submission.InvalidSubmissionException;
import org.imagingcatalog.submission.submission.Receipt;
import org.imagingcatalog.submission.submission.SubmissionRequest;
import org.imagingcatalog.submission.submission.SubmissionRules;
import org.imagingcatalog.submission.submission.SubmissionService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The three contribution forms: a new resource, a correction, a withdrawal. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ContributeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newResource(FormView form, CurrentContributor contributor);

        static native TemplateInstance correction(String resourceId, String resourceName, FormView form,
                CurrentContributor contributor);

        static native TemplateInstance withdrawal(String resourceId, String resourceName, FormView form,
                CurrentContributor contributor);

        static native TemplateInstance submitted(SubmissionKind kind, String resourceId, String trackingUrl,
                String trackingPath, String submitterEmail, CurrentContributor contributor);
    }

    private final SubmissionService submissions;
    private final PublishedCatalog catalog;
    private final CurrentContributor contributor;
    private final String publicUrl;

    public ContributeResource(SubmissionService submissions, PublishedCatalog catalog, CurrentContributor contributor,
            @ConfigProperty(name = "catalog.submission.public-url") String publicUrl) {
        this.submissions = submissions;
        this.catalog = catalog;
        this.contributor = contributor;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        return Templates.newResource(FormView.empty(), contributor);
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitNew(@BeanParam FormFields form) {
        if (form.honeypotFilled()) {
            return ErrorPages.honeypot();
        }
        Validated<Resource> read = ResourceReader.fromForm(form.resourceForm());
        SubmissionRequest request = new SubmissionRequest(SubmissionKind.NEW, null, read.value(), proposed(read.errors()),
                form.comment, form.submitterName, form.submitterEmail, contributor.subject().orElse(null));
        try {
            return submitted(request, submissions.submit(request), form.submitterEmail);
        } catch (InvalidSubmissionException e) {
            return badRequest(Templates.newResource(FormView.of(form.values(), e.errors()), contributor));
        }
    }

    @GET
    @Path("correct/{resourceId}")
    public Response correctionForm(@PathParam("resourceId") String resourceId) {
        return target(resourceId, "corrected")
                .map(resource -> Response.ok(Templates.correction(resourceId, resource.name(), FormView.prefilled(resource),
                        contributor)).build());
    }

    @POST
    @Path("correct/{resourceId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitCorrection(@PathParam("resourceId") String resourceId, @BeanParam FormFields form) {
        if (form.honeypotFilled()) {
            return ErrorPages.honeypot();
        }
        return target(resourceId, "corrected").map(resource -> {
            Validated<Resource> read = ResourceReader.fromForm(form.resourceForm());
            SubmissionRequest request = new SubmissionRequest(SubmissionKind.CORRECTION, resourceId, read.value(),
                    proposed(read.errors()), form.comment, form.submitterName, form.submitterEmail,
                    contributor.subject().orElse(null));
            try {
                return submitted(request, submissions.submit(request), form.submitterEmail);
            } catch (InvalidSubmissionException e) {
                return badRequest(Templates.correction(resourceId, resource.name(), FormView.of(form.values(), e.errors()),
                        contributor));
            }
        });
    }

    @GET
    @Path("withdraw/{resourceId}")
    public Response withdrawalForm(@PathParam("resourceId") String resourceId) {
        return target(resourceId, "withdrawn")
                .map(resource -> Response.ok(Templates.withdrawal(resourceId, resource.name(), FormView.empty(), contributor))
                        .build());
    }

    @POST
    @Path("withdraw/{resourceId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submitWithdrawal(@PathParam("resourceId") String resourceId, @BeanParam FormFields form) {
        if (form.honeypotFilled()) {
            return ErrorPages.honeypot();
        }
        return target(resourceId, "withdrawn").map(resource -> {
            SubmissionRequest request = new SubmissionRequest(SubmissionKind.WITHDRAWAL, resourceId, null, List.of(),
                    form.comment, form.submitterName, form.submitterEmail, contributor.subject().orElse(null));
            try {
                return submitted(request, submissions.submit(request), form.submitterEmail);
            } catch (InvalidSubmissionException e) {
                return badRequest(Templates.withdrawal(resourceId, resource.name(), FormView.of(form.values(), e.errors()),
                        contributor));
            }
        });
    }

    /** The published, still active resource a correction or withdrawal is about, or the page saying why not. */
    private Target target(String resourceId, String verb) {
        Optional<Resource> resource = catalog.resource(resourceId);
        if (resource.isEmpty()) {
            return new Target(null, ErrorPages.page(404, "Unknown resource",
                    "There is no published resource with id “" + resourceId + "”. Check the link, or propose it as a new resource."));
        }
        if (resource.get().status() == ResourceStatus.WITHDRAWN) {
            return new Target(null, ErrorPages.page(409, "Resource withdrawn",
                    "The resource “" + resourceId + "” has been withdrawn from the catalog; it cannot be " + verb + " any more."));
        }
        return new Target(resource.get(), null);
    }

    private record Target(Resource resource, Response refusal) {
        Response map(java.util.function.Function<Resource, Response> action) {
            return resource == null ? refusal : action.apply(resource);
        }
    }

    private Response submitted(SubmissionRequest request, Receipt receipt, String email) {
        // the link works on whatever host serves this page; its text is the public address to keep
        String trackingPath = "/track/" + receipt.trackingToken();
        return Response.ok(Templates.submitted(request.kind(), request.resourceId(), publicUrl + trackingPath, trackingPath,
                email == null || email.isBlank() ? null : email.strip(), contributor)).build();
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
