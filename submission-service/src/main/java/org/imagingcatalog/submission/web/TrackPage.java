package org.imagingcatalog.submission.web;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.Validated;
import org.imagingcatalog.submission.catalog.EntryName;
import org.imagingcatalog.submission.proposals.CurrentContributor;
import org.imagingcatalog.submission.proposals.InvalidSubmissionException;
import org.imagingcatalog.submission.proposals.NotRevisableException;
import org.imagingcatalog.submission.proposals.Submission;
import org.imagingcatalog.submission.proposals.SubmissionRequest;
import org.imagingcatalog.submission.proposals.SubmissionRound;
import org.imagingcatalog.submission.proposals.SubmissionRules;
import org.imagingcatalog.submission.proposals.SubmissionService;
import org.imagingcatalog.submission.proposals.UnknownSubmissionException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
 * The private tracking page: the status, what the submission proposes, every round with the curators' answers, and
 * after "request changes" the revision form, pre-filled with the latest proposal and the message beside it. Never
 * the e-mail address.
 */
@Path("/track")
@Produces(MediaType.TEXT_HTML)
public class TrackPage {

    /** One round as the page lists it. */
    public record RoundView(SubmissionRound round, List<ProposalRows.Row> rows) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance track(Submission submission, String token, String trackingUrl, String proposedName,
                List<ProposalRows.Row> proposal, List<RoundView> rounds, String publicUrl, boolean revisable,
                FormView form, String notice, CurrentContributor contributor);
    }

    private final SubmissionService submissions;
    private final CurrentContributor contributor;
    private final ErrorAnswers answers;
    private final String publicUrl;

    public TrackPage(SubmissionService submissions, CurrentContributor contributor, ErrorAnswers answers,
            @ConfigProperty(name = "catalog.submission.public-url") String publicUrl) {
        this.submissions = submissions;
        this.contributor = contributor;
        this.answers = answers;
        this.publicUrl = publicUrl;
    }

    @GET
    @Path("{token}")
    public Response track(@PathParam("token") String token, @CookieParam(ThankYou.COOKIE) String noticeCookie,
            @Context UriInfo uri) {
        return submissions.findByToken(token)
                .map(s -> {
                    Response.ResponseBuilder page = Response.ok(page(s, token, revisionForm(s), ThankYou.notice(noticeCookie)))
                            // Referrer-Policy no-referrer, set on every page of this service, keeps the link private
                            .header("Cache-Control", "no-store");
                    if (noticeCookie != null) {
                        page.cookie(ThankYou.cleared(token, uri)); // thanks once: a reload shows the plain page
                    }
                    return page.build();
                })
                .orElseGet(this::unknown);
    }

    /** The revision form: the next round of a submission the curators asked to change. */
    @POST
    @Path("{token}/revision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revise(@PathParam("token") String token, @BeanParam FormFields form, @Context UriInfo uri) {
        if (form.honeypotFilled()) {
            return answers.page(400, "Submission not accepted",
                    "This submission could not be accepted. If you filled in the form yourself, reload it and send it again.")
                    .build();
        }
        Submission submission = submissions.findByToken(token).orElse(null);
        if (submission == null) {
            return unknown();
        }
        if (form.wantsMoreRows() && submission.status == SubmissionStatus.CHANGES_REQUESTED) {
            return Response.ok(page(submission, token, FormView.of(form, List.of(), relationTargets(submission)), null))
                    .header("Cache-Control", "no-store").build();
        }
        SubmissionRequest request = request(submission, form);
        try {
            return ThankYou.redirect(submissions.revise(token, request).trackingToken(), ThankYou.REVISED, uri);
        } catch (UnknownSubmissionException e) {
            return unknown();
        } catch (NotRevisableException e) {
            return answers.page(409, "Not open for revision", e.getMessage()
                    + " Nothing was stored. The tracking page shows where your submission stands.").build();
        } catch (InvalidSubmissionException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML)
                    .entity(page(submission, token, FormView.of(form, e.errors(), relationTargets(submission)), null))
                    .header("Cache-Control", "no-store").build();
        }
    }

    private SubmissionRequest request(Submission submission, FormFields form) {
        String subject = contributor.subject().orElse(null);
        if (submission.kind == SubmissionKind.WITHDRAWAL) {
            return new SubmissionRequest(submission.kind, submission.resourceId, null, List.of(), form.comment,
                    form.submitterName, form.submitterEmail, subject);
        }
        // read against the latest proposal the form was pre-filled with: what the form does not show stays as it was
        Validated<Resource> read = form.resource(submissions.latestProposal(submission).orElse(null));
        List<FieldError> readErrors = read.errors().stream().map(SubmissionRules::proposedError).toList();
        return new SubmissionRequest(submission.kind,
                submission.kind == SubmissionKind.CORRECTION ? submission.resourceId : null, read.value(), readErrors,
                form.comment, form.submitterName, form.submitterEmail, subject);
    }

    private FormView revisionForm(Submission s) {
        if (s.status != SubmissionStatus.CHANGES_REQUESTED) {
            return null;
        }
        return FormView.revision(submissions.latestProposal(s).orElse(null), s.comment, relationTargets(s));
    }

    /** The catalog's entries a relation of this submission's resource may point to (not the resource itself). */
    private List<EntryName> relationTargets(Submission s) {
        return s.kind == SubmissionKind.WITHDRAWAL ? List.of()
                : submissions.relationTargets(s.kind == SubmissionKind.CORRECTION ? s.resourceId : null);
    }

    private TemplateInstance page(Submission s, String token, FormView form, String notice) {
        boolean patch = s.patchJson != null;
        List<RoundView> rounds = submissions.rounds(s).stream()
                .map(r -> new RoundView(r, ProposalRows.of(SubmissionService.proposal(r.proposedJson, r.patchJson),
                        r.patchJson != null)))
                .toList();
        return Templates.track(s, token, publicUrl + "/track/" + token, submissions.proposedName(s),
                ProposalRows.of(SubmissionService.proposal(s.proposedJson, s.patchJson), patch), rounds,
                submissions.publicPage(s), s.status == SubmissionStatus.CHANGES_REQUESTED, form, notice, contributor);
    }

    private Response unknown() {
        return answers.page(404, "Unknown tracking link",
                "No submission has this tracking link. Check that the whole link was copied.").build();
    }
}
