package org.imagingcatalog.curation.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.curating.Filters;
import org.imagingcatalog.curation.curating.CuratorInput;
import org.imagingcatalog.curation.api.ApiRequests.DecisionRequest;
import org.imagingcatalog.curation.api.ApiViews.DecisionResult;
import org.imagingcatalog.curation.api.ApiViews.Queue;
import org.imagingcatalog.curation.api.ApiViews.QueueItem;
import org.imagingcatalog.curation.api.ApiViews.Submission;
import org.imagingcatalog.curation.curating.CurationActions.QueueEntry;
import org.imagingcatalog.curation.curating.Paged;
import org.imagingcatalog.curation.curating.Paging;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Review queue")
@SecurityRequirement(name = "keycloak")
public class QueueApi {

    private static final String QUEUE = "/api/v1/queue";

    private final CurationActions actions;

    public QueueApi(CurationActions actions) {
        this.actions = actions;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The review queue, newest first, a page at a time, with counts per status",
            description = "Filter with kind=NEW|CORRECTION|WITHDRAWAL and status=RECEIVED|IN_REVIEW|ACCEPTED|REJECTED|CHANGES_REQUESTED; "
                    + "page from 1, size 1 to 200 (default 50). The answer has the total and the paths of the next and "
                    + "previous pages (null at the ends). Each item has the name it proposes, its submitter, its revision, "
                    + "who claimed it, its likely duplicates (same URL, similar name) and its `checks` "
                    + "({code, severity, message, resourceId, field}; IDENTIFIER_IN_CATALOG: an address or identifier of "
                    + "the proposal, in any spelling, that another entry already has).")
    public Queue queue(@QueryParam("kind") String kind, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        String k = Filters.kind(kind);
        String s = Filters.status(status);
        Paged<QueueEntry> paged = actions.queue(k, s, Paging.of(page, size));
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("kind", k);
        filters.put("status", s);
        return new Queue(actions.queueCounts(), paged.items().stream().map(QueueItem::of).toList(), paged.page(),
                paged.size(), paged.total(), paged.link(QUEUE, filters, true), paged.link(QUEUE, filters, false));
    }

    @GET
    @Path("/submissions/{id}")
    @Operation(summary = "One submission with its proposal or patch, every round, and what its review shows",
            description = "Reading it changes nothing; claim it with POST .../claim.")
    public Submission submission(@PathParam("id") String id) {
        return Submission.of(actions.review(Filters.uuid(id)));
    }

    @POST
    @Path("/submissions/{id}/claim")
    @Operation(summary = "Claim a review: IN_REVIEW, shown to the other curators as claimed by you",
            description = "Claiming again is harmless; claiming an item another curator claimed takes it over. A decided "
                    + "submission, or one whose contributor is revising, answers 409. Decisions need no claim. No body.")
    public Submission claim(@PathParam("id") String id) {
        UUID submissionId = Filters.uuid(id);
        actions.claim(submissionId);
        return Submission.of(actions.review(submissionId));
    }

    @POST
    @Path("/submissions/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept, reject or request changes, with a message to the contributor",
            description = "Accepting creates version 1 (new resource) or the next version (correction, withdrawal); "
                    + "`edits` holds resource fields the curator changes before accepting.")
    public DecisionResult decide(@PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = DecisionRequest.class))) String body) {
        DecisionRequest request = JsonBodies.read(body, DecisionRequest.class);
        if (request == null) {
            throw CurationProblem.invalidField("outcome", "A JSON body with outcome and message is required.");
        }
        DecisionOutcome outcome = parseOutcome(request.outcome());
        CuratorInput input = request.edits() == null || request.edits().isNull()
                ? CuratorInput.none() : new CuratorInput.JsonEdits(request.edits());
        if (request.edits() != null && !request.edits().isNull() && !request.edits().isObject()) {
            throw CurationProblem.invalidField("edits", "must be an object of resource fields");
        }
        var decision = actions.decide(Filters.uuid(id), outcome, request.message(), input);
        return new DecisionResult(decision.item().submissionId, decision.item().status,
                decision.version() == null ? decision.item().resourceId : decision.version().row().resourceId,
                decision.item().resultingVersion);
    }

    private static DecisionOutcome parseOutcome(String outcome) {
        try {
            return DecisionOutcome.valueOf(outcome.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw CurationProblem.invalidField("outcome", "must be ACCEPT, REJECT or REQUEST_CHANGES");
        }
    }
}
