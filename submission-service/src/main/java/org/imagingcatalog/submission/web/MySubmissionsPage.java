package org.imagingcatalog.submission.web;

import java.net.URI;
import java.util.List;

import org.imagingcatalog.submission.proposals.CurrentContributor;
import org.imagingcatalog.submission.proposals.Submission;
import org.imagingcatalog.submission.proposals.SubmissionService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** For contributors who chose to log in: their own submissions. Logging in is never needed to contribute. */
@Path("/")
public class MySubmissionsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance my(List<Submission> submissions, SubmissionService names,
                CurrentContributor contributor);
    }

    private final SubmissionService submissions;
    private final CurrentContributor contributor;

    public MySubmissionsPage(SubmissionService submissions, CurrentContributor contributor) {
        this.submissions = submissions;
        this.contributor = contributor;
    }

    /** Only for the contributor role: the action layer checks it (a logged-in user without it gets a 403 page). */
    @GET
    @Path("my")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance my() {
        return Templates.my(submissions.mine(), submissions, contributor);
    }

    /** Keycloak sends the browser back here after logging in; then on to "my submissions". */
    @GET
    @Path("login")
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/my")).build();
    }
}
