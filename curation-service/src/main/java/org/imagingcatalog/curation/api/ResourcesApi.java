package org.imagingcatalog.curation.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.curating.CuratorInput;
import org.imagingcatalog.curation.api.ApiRequests.ReasonRequest;
import org.imagingcatalog.curation.api.ApiRequests.RevertRequest;
import org.imagingcatalog.curation.api.ApiViews.Change;
import org.imagingcatalog.curation.api.ApiViews.Diff;
import org.imagingcatalog.curation.api.ApiViews.ResourceSummary;
import org.imagingcatalog.curation.api.ApiViews.Version;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/resources")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curated resources and their history")
@SecurityRequirement(name = "keycloak")
public class ResourcesApi {

    /** RFC 7396's media type, the only one PATCH takes. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    private final CurationActions actions;

    public ResourcesApi(CurationActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(summary = "Every curated resource with its current version and status")
    public List<ResourceSummary> list() {
        return actions.resources().stream().map(ResourceSummary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "The current version of a resource; its ETag is the version number for If-Match")
    public Response current(@PathParam("id") String id) {
        List<VersionView> versions = actions.versions(id);
        return withETag(versions.get(versions.size() - 1));
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every version of a resource, oldest first")
    public List<Version> versions(@PathParam("id") String id) {
        return actions.versions(id).stream().map(Version::of).toList();
    }

    @GET
    @Path("/{id}/versions/{n}")
    @Operation(summary = "One version of a resource")
    public Version version(@PathParam("id") String id, @PathParam("n") int n) {
        return Version.of(actions.version(id, n));
    }

    @GET
    @Path("/{id}/diff")
    @Operation(summary = "Field-by-field changes between any two versions")
    public Diff diff(@PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null) {
            throw CurationProblem.invalidField("from", "Give the version to compare from (?from=1&to=2).");
        }
        if (to == null) {
            throw CurationProblem.invalidField("to", "Give the version to compare to (?from=1&to=2).");
        }
        return new Diff(id, from, to, actions.diff(id, from, to).stream().map(Change::of).toList());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Direct edit by a curator: a new version",
            description = "Requires If-Match: \"<version>\" (the version the edit is based on): missing answers 428, "
                    + "stale answers 412 naming the current version. The body holds the resource fields to change "
                    + "(fields left out keep their value; lists such as relations and identifiers are replaced whole; "
                    + "modalities, counts, riskOfBias and provenance merge member by member, a null member removing it) "
                    + "and the `reason` for the history (required: 400 naming `reason`). Every bad field, trust fields "
                    + "included, answers 400 naming it (e.g. relations[0].target) and changes nothing.")
    public Response edit(@PathParam("id") String id,
            @Parameter(description = "\"<version>\" the edit is based on") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody(content = @Content(schema = @Schema(implementation = Resource.class))) String json) {
        JsonNode body = JsonBodies.object(json);
        if (body == null) {
            throw CurationProblem.invalidField("", "A JSON object with the resource fields is required.");
        }
        ObjectNode fields = ((ObjectNode) body).deepCopy();
        JsonNode reason = fields.remove("reason");
        if (fields.hasNonNull("id") && !id.equals(fields.get("id").asText())) {
            throw CurationProblem.invalidField("id", "The id of a resource never changes; it must be \"" + id + "\".");
        }
        VersionView version = actions.edit(id, parseIfMatch(ifMatch), new CuratorInput.JsonEdits(fields),
                reason == null || reason.isNull() ? null : reason.asText());
        return withETag(version);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MERGE_PATCH)
    @Operation(summary = "Direct edit by a curator as a JSON Merge Patch (RFC 7396): a new version changing only the named fields",
            description = "Content-Type: application/merge-patch+json (anything else answers 415). Requires "
                    + "If-Match: \"<version>\": missing answers 428, stale answers 412 naming the current version. "
                    + "The body names the fields to change (null clears one; counts and modalities merge member by member; "
                    + "lists are replaced) and the `reason` for the history (required). Bad fields answer 400 naming each; "
                    + "a patch that changes nothing answers 200 with the current version.")
    public Response patch(@PathParam("id") String id,
            @Parameter(description = "\"<version>\" the patch is based on") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = Resource.class))) String json) {
        if (contentType == null || contentType.isBlank()) {
            // the REST layer matches a body without a type to any @Consumes; a patch must say what it is
            throw new NotSupportedException("A PATCH body must be sent as Content-Type: " + MERGE_PATCH
                    + " (RFC 7396); this request named no type.");
        }
        JsonNode body = JsonBodies.object(json);
        if (body == null) {
            throw CurationProblem.invalidField("", "A JSON object naming the fields to change is required.");
        }
        ObjectNode patch = ((ObjectNode) body).deepCopy();
        JsonNode reason = patch.remove("reason");
        Integer base = parseIfMatch(ifMatch);
        VersionView version = actions.patch(id, base, patch, reason == null || !reason.isTextual() ? null : reason.asText());
        return withETag(version);
    }

    @POST
    @Path("/{id}/revert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new version with the content of an earlier one (history is never rewritten)")
    public Response revert(@PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = RevertRequest.class))) String body) {
        RevertRequest request = JsonBodies.read(body, RevertRequest.class);
        RevertRequest r = request == null ? new RevertRequest(null, null) : request;
        return created(actions.revert(id, r.toVersion(), r.reason()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new version with status WITHDRAWN")
    public Response withdraw(@PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = ReasonRequest.class))) String body) {
        ReasonRequest request = JsonBodies.read(body, ReasonRequest.class);
        return created(actions.withdraw(id, request == null ? null : request.reason()));
    }

    @POST
    @Path("/{id}/restore")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A new version with status ACTIVE again")
    public Response restore(@PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = ReasonRequest.class))) String body) {
        ReasonRequest request = JsonBodies.read(body, ReasonRequest.class);
        return created(actions.restore(id, request == null ? null : request.reason()));
    }

    /** Accepts {@code "3"}, {@code W/"3"} or {@code 3}. */
    static Integer parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").trim();
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw CurationProblem.invalidField("If-Match", "must be the quoted version number, e.g. \"3\"");
        }
    }

    private static Response withETag(VersionView version) {
        return Response.ok(ApiViews.Version.of(version)).tag(new EntityTag(String.valueOf(version.version()))).build();
    }

    private static Response created(VersionView version) {
        return Response.status(Response.Status.CREATED).entity(ApiViews.Version.of(version))
                .tag(new EntityTag(String.valueOf(version.version()))).build();
    }
}
