package org.imagingcatalog.submission.web;

import java.net.URI;
import java.util.List;

import org.imagingcatalog.model.Roles;
import org.imagingcatalog.submission.submission.Submission;
import org.imagingcatalog.submission.submission.SubmissionService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** For contributors who chose to log in: their own submissions. Logging in is never needed to contribute. */
@Path("/")
public class MySubmissionsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance my(List<Submission> submissions, SubmissionService names,
                CurrentContributor contributor);
    }

    private final SubmissionService submissions;
    private final CurrentContributor contributor;

    public MySubmissionsResource(SubmissionService submissions, CurrentContributor contributor) {
        this.submissions = submissions;
        this.contributor = contributor;
    }

    @GET
    @Path("my")
    @RolesAllowed(Roles.CONTRIBUTOR)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance my() {
        return Templates.my(submissions.mine(contributor.subject().orElseThrow()), submissions, contributor);
    }

    /** Keycloak sends the browser back here after logging in; then on to "my submissions". */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/my")).build();
    }
}
