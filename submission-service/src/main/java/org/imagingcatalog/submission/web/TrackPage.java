package org.imagingcatalog.submission.web;

import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.submission.proposals.CurrentContributor;
import org.imagingcatalog.submission.proposals.Submission;
import org.imagingcatalog.submission.proposals.SubmissionService;

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
public class TrackPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance track(Submission submission, String proposedName, CurrentContributor contributor);
    }

    private final SubmissionService submissions;
    private final CurrentContributor contributor;
    private final ErrorAnswers answers;

    public TrackPage(SubmissionService submissions, CurrentContributor contributor, ErrorAnswers answers) {
        this.submissions = submissions;
        this.contributor = contributor;
        this.answers = answers;
    }

    @GET
    @Path("{token}")
    public Response track(@PathParam("token") String token) {
        return submissions.findByToken(token)
                .map(s -> Response.ok(Templates.track(s, submissions.proposedName(s), contributor))
                        // Referrer-Policy no-referrer, set on every page of this service, keeps the link private
                        .header("Cache-Control", "no-store")
                        .build())
                .orElseGet(() -> answers.page(404, "Unknown tracking link",
                        "No submission has this tracking link. Check that the whole link was copied.").build());
    }
}
