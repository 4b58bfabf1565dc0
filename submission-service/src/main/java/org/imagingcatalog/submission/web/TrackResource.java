package org.imagingcatalog.submission.web;

import org.imagingcatalog.submission.submission.Submission;
import org.imagingcatalog.submission.submission.SubmissionService;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The private tracking page: the status and the curators' message, never the e-mail address. */
@Path("/track")
@Produces(MediaType.TEXT_HTML)
public class TrackResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance track(Submission submission, String proposedName, CurrentContributor contributor);
    }

    private final SubmissionService submissions;
    private final CurrentContributor contributor;

    public TrackResource(SubmissionService submissions, CurrentContributor contributor) {
        this.submissions = submissions;
        this.contributor = contributor;
    }

    @GET
    @Path("{token}")
    public Response track(@PathParam("token") String token) {
        return submissions.findByToken(token)
                .map(s -> Response.ok(Templates.track(s, submissions.proposedName(s), contributor))
                        // Referrer-Policy no-referrer, set on every page of this service, keeps the link private
                        .header("Cache-Control", "no-store")
                        .build())
                .orElseGet(() -> ErrorPages.page(404, "Unknown tracking link",
                        "No submission has this tracking link. Check that the whole link was copied."));
    }
}
