package org.imagingcatalog.curation.api;

import java.util.Locale;
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

    private final CurationActions actions;

    public QueueApi(CurationActions actions) {
        this.actions = actions;
    }

    @GET
    @Path("/queue")
    @Operation(summary = "The review queue, newest first, with counts per status",
            description = "Filter with kind=NEW|CORRECTION|WITHDRAWAL and status=RECEIVED|IN_REVIEW|ACCEPTED|REJECTED|CHANGES_REQUESTED.")
    public Queue queue(@QueryParam("kind") String kind, @QueryParam("status") String status) {
        return new Queue(actions.queueCounts(),
                actions.queue(Filters.kind(kind), Filters.status(status)).stream().map(QueueItem::of).toList());
    }

    @GET
    @Path("/submissions/{id}")
    @Operation(summary = "One queued submission with its proposal")
    public QueueItem submission(@PathParam("id") String id) {
        return QueueItem.of(actions.submission(Filters.uuid(id)));
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
