package org.imagingcatalog.submission.api;

import java.net.URI;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.submission.api.ApiDocuments.Accepted;
import org.imagingcatalog.submission.api.ApiDocuments.Round;
import org.imagingcatalog.submission.api.ApiDocuments.State;
import org.imagingcatalog.submission.api.ApiDocuments.SubmissionRequestDocument;
import org.imagingcatalog.submission.proposals.CurrentContributor;
import org.imagingcatalog.submission.proposals.InvalidSubmissionException;
import org.imagingcatalog.submission.proposals.NotRevisableException;
import org.imagingcatalog.submission.proposals.Receipt;
import org.imagingcatalog.submission.proposals.Submission;
import org.imagingcatalog.submission.proposals.SubmissionRequest;
import org.imagingcatalog.submission.proposals.SubmissionService;
import org.imagingcatalog.submission.proposals.UnknownSubmissionException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The JSON API: submit a proposal, then follow it with its private token. */
@Path(SubmissionsApi.PATH)
@Tag(name = "submissions", description = "Propose a new resource, a correction or a withdrawal, and follow it")
public class SubmissionsApi {

    static final String PATH = "/api/v1/submissions";

    private final SubmissionService submissions;
    private final CurrentContributor contributor;
    private final String publicUrl;

    public SubmissionsApi(SubmissionService submissions, CurrentContributor contributor,
            @ConfigProperty(name = "catalog.submission.public-url") String publicUrl) {
        this.submissions = submissions;
        this.contributor = contributor;
        this.publicUrl = publicUrl;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Submit a proposal", description = "Stores the proposal for curators and answers a private tracking link.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmissionRequestDocument.class)))
    @APIResponse(responseCode = "202", description = "stored; curators will review it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "malformed JSON or invalid fields (each named); nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "body over 64 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "too many submissions from this address; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(String body) {
        SubmissionRequest request;
        try {
            request = SubmissionJsonReader.read(body, contributor.subject().orElse(null));
        } catch (SubmissionJsonReader.MalformedJson e) {
            return Problem.of("malformed-json", 400, "Malformed JSON", e.getMessage()).at(PATH).toResponse();
        }
        try {
            return accepted(submissions.submit(request));
        } catch (InvalidSubmissionException e) {
            return invalid(e.errors(), PATH).toResponse();
        }
    }

    @POST
    @Path("/{token}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Revise a submission after the curators asked for changes",
            description = "The same body as a submission; kind and resourceId stay those of the submission (they may be"
                    + " left out). The proposal replaces the previous round's (a correction: a JSON Merge Patch against"
                    + " the current published version). The submission goes back to RECEIVED with the next revision;"
                    + " every earlier round is kept.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmissionRequestDocument.class)))
    @APIResponse(responseCode = "202", description = "stored as the next round; curators will review it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "malformed JSON, another kind or resourceId, or invalid fields (each"
            + " named); nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no submission has this token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the curators have not asked for changes; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revise(@PathParam("token") String token, String body) {
        String at = PATH + "/" + token + "/revisions";
        Submission current = submissions.findByToken(token).orElse(null);
        if (current == null) {
            return unknownToken(at);
        }
        SubmissionRequest request;
        try {
            request = SubmissionJsonReader.read(body, contributor.subject().orElse(null), current.kind,
                    current.kind == SubmissionKind.NEW ? null : current.resourceId);
        } catch (SubmissionJsonReader.MalformedJson e) {
            return Problem.of("malformed-json", 400, "Malformed JSON", e.getMessage()).at(at).toResponse();
        }
        try {
            return accepted(submissions.revise(token, request));
        } catch (UnknownSubmissionException e) {
            return unknownToken(at);
        } catch (NotRevisableException e) {
            return Problem.of("not-revisable", 409, "Not open for revision", e.getMessage()
                    + " A submission can be revised only after the curators asked for changes; nothing was stored.")
                    .at(at).toResponse();
        } catch (InvalidSubmissionException e) {
            return invalid(e.errors(), at).toResponse();
        }
    }

    private Response accepted(Receipt receipt) {
        String trackingUrl = publicUrl + "/track/" + receipt.trackingToken();
        return Response.accepted(new Accepted(receipt.id(), SubmissionStatus.RECEIVED, trackingUrl, receipt.revision()))
                .type(MediaType.APPLICATION_JSON)
                .location(URI.create(PATH + "/" + receipt.trackingToken()))
                .build();
    }

    private static Response unknownToken(String at) {
        return Problem.of("unknown-tracking-token", 404, "Unknown tracking token",
                "No submission has this tracking token; check that the link was copied whole.").at(at).toResponse();
    }

    @GET
    @Path("/{token}")
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Where a submission stands", description = "The token is the last part of the private tracking link.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = State.class)))
    @APIResponse(responseCode = "404", description = "no submission has this token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response state(@PathParam("token") String token) {
        return submissions.findByToken(token)
                .map(s -> Response.ok(state(s)).type(MediaType.APPLICATION_JSON).build())
                .orElseGet(() -> unknownToken(PATH + "/" + token));
    }

    private static Problem invalid(List<FieldError> errors, String at) {
        return Problem.of("invalid-submission", 400, "Invalid submission",
                errors.size() == 1 ? "One field is invalid; nothing was stored."
                        : errors.size() + " fields are invalid; nothing was stored.")
                .at(at).withErrors(errors);
    }

    private State state(Submission s) {
        List<Round> rounds = submissions.rounds(s).stream()
                .map(r -> new Round(r.revision, r.submittedAt, SubmissionService.proposal(r.proposedJson, r.patchJson),
                        r.comment, r.status, r.curatorMessage, r.decidedAt))
                .toList();
        return new State(s.id, s.kind, s.resourceId, s.status, s.curatorMessage, s.submittedAt, s.decidedAt, s.revision,
                SubmissionService.proposal(s.proposedJson, s.patchJson), submissions.publicPage(s), rounds);
    }
}
