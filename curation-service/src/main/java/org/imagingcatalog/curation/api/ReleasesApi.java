package org.imagingcatalog.curation.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.releases.CatalogRelease;
import org.imagingcatalog.curation.releases.ReleaseActions;
import org.imagingcatalog.model.Roles;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/releases")
@RolesAllowed({Roles.CURATOR, Roles.CATALOG_ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases")
@SecurityRequirement(name = "keycloak")
public class ReleasesApi {

    private static final java.util.Set<String> CUT_FIELDS = java.util.Set.of("name", "notes");

    private final ReleaseActions actions;

    public ReleasesApi(ReleaseActions actions) {
        this.actions = actions;
    }

    /** A release as cut; its entries are read on public-web (GET /api/v1/releases/{name} there). */
    public record ReleaseAnswer(String name, String notes, Instant cutAt, String cutBy, String previous, int entryCount,
            int listedCount) {
        static ReleaseAnswer of(CatalogRelease r) {
            return new ReleaseAnswer(r.name, r.notes, r.cutAt, r.cutBy, r.previous, r.entryCount, r.listedCount);
        }
    }

    /** The body of a cut: a name and, optionally, notes. */
    public record CutRequest(String name, String notes) {
    }

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cuts a named, immutable release of the catalog as it is now (catalog-admin only)",
            description = "Body {\"name\": \"2026.1\", \"notes\": \"...\"}. The release freezes the current version of "
                    + "every entry (listed and withdrawn) and is published to public-web, where its pages, diff and "
                    + "exports (?release=NAME) appear once it has arrived. 201 with Location; a name already used: 409; "
                    + "a bad name (1 to 40 letters, digits, dots, hyphens, underscores) or notes over 5,000 characters: "
                    + "400 naming the field. Nothing changes on refusal.")
    public Response cut(String body) {
        JsonNode object = JsonBodies.object(body);
        if (object != null) {
            object.fieldNames().forEachRemaining(field -> {
                if (!CUT_FIELDS.contains(field)) {
                    throw CurationProblem.invalidField(field, "is not a field of a release: send name and notes only.");
                }
            });
        }
        CutRequest request = JsonBodies.read(body, CutRequest.class);
        CatalogRelease release = actions.cut(request == null ? null : request.name(), request == null ? null : request.notes());
        return Response.created(URI.create("/api/v1/releases/" + release.name)).entity(ReleaseAnswer.of(release)).build();
    }

    @GET
    @Operation(summary = "Every release, newest first (curators and catalog-admin)")
    public List<ReleaseAnswer> list() {
        return actions.list().stream().map(ReleaseAnswer::of).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One release as cut: who, when, notes, how many entries (404 for no such release)")
    public ReleaseAnswer show(@PathParam("name") String name) {
        return ReleaseAnswer.of(actions.find(name));
    }
}
