package org.imagingcatalog.curation.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.curation.api.ApiRequests.ReasonRequest;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.imports.ImportActions;
import org.imagingcatalog.curation.imports.ImportActions.ImportView;
import org.imagingcatalog.curation.imports.ImportFormat;
import org.imagingcatalog.curation.imports.ImportRefused;
import org.imagingcatalog.curation.imports.ImportReport;
import org.imagingcatalog.curation.imports.ImportRun;
import org.imagingcatalog.curation.imports.ImportText;
import org.imagingcatalog.curation.imports.ImportedVersion;
import org.imagingcatalog.curation.imports.ReportRow;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.Roles;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/v1/imports")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk import")
@SecurityRequirement(name = "keycloak")
public class ImportsApi {

    private final ImportActions actions;

    public ImportsApi(ImportActions actions) {
        this.actions = actions;
    }

    /** A dry run's answer: one row per record of the file. */
    public record DryRun(boolean dryRun, String format, int rowCount, Map<String, Long> counts, List<ReportRow> rows) {
    }

    /** A version an import made: {@code previousVersion} null when it created the entry. */
    public record MadeVersion(String resourceId, int row, int version, Integer previousVersion, Integer revertVersion) {
        static MadeVersion of(ImportedVersion v) {
            return new MadeVersion(v.resourceId, v.rowNumber, v.version, v.previousVersion, v.revertVersion);
        }
    }

    public record ImportAnswer(UUID id, String status, String format, String fileName, String curator,
            Instant createdAt, String reason, Instant appliedAt, String appliedBy, Instant revertedAt, String revertedBy,
            String revertReason, int rowCount, Map<String, Long> counts, List<ReportRow> rows, List<MadeVersion> versions) {

        static ImportAnswer of(ImportView view) {
            ImportRun r = view.run();
            return new ImportAnswer(r.id, r.status, r.format, r.fileName, r.curator, r.createdAt, r.reason, r.appliedAt,
                    r.appliedBy, r.revertedAt, r.revertedBy, r.revertReason, r.rowCount, view.report().counts(),
                    view.report().rows(), view.versions().stream().map(MadeVersion::of).toList());
        }
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "Bulk import: a dry run, or every valid row applied as a new version, all or nothing",
            description = "Body: CSV (text/csv, UTF-8, the public CSV export's columns, any subset in any order; a "
                    + "column left out changes nothing) or a JSON array of the contract's resources (application/json: "
                    + "fields left out keep their value). At most " + ImportText.MAX_TEXT + " (413 beyond). "
                    + "?dryRun=true answers one row per record (NEW, CHANGED with its field diff, UNCHANGED, INVALID "
                    + "with each error) and changes nothing. Without it, ?reason= is required (400 naming reason) and "
                    + "every NEW and CHANGED row becomes a version with that reason and the import's id (201, Location "
                    + "/api/v1/imports/{id}); if any row is INVALID nothing changes and the answer is 422 with the same "
                    + "rows. A file refused as a whole (not UTF-8, unknown column, empty, ...) answers 400 naming "
                    + "`file`.")
    public Response importFile(
            @Parameter(description = "true: say what each row would do, change nothing") @QueryParam("dryRun") String dryRun,
            @Parameter(description = "the reason every version of a real run carries (required without dryRun)")
            @QueryParam("reason") String reason,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        ImportFormat format = ImportFormat.ofMediaType(contentType);
        requireUtf8(contentType);
        if (isDryRun(dryRun)) {
            ImportReport report = actions.dryRun(body, format);
            return Response.ok(new DryRun(true, format.key(), report.rows().size(), report.counts(), report.rows())).build();
        }
        ImportView view = actions.importNow(body, format, reason);
        return Response.created(URI.create("/api/v1/imports/" + view.run().id)).entity(ImportAnswer.of(view)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import: who, when, why, its status (STAGED, APPLIED, REVERTED), its rows and the versions it made")
    public ImportAnswer show(@PathParam("id") String id) {
        return ImportAnswer.of(actions.find(importId(id)));
    }

    @POST
    @Path("/{id}/revert")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reverts an applied import as one",
            description = "Body {\"reason\": \"...\"} (required). Every entry the import touched gets a new version "
                    + "with its content from before the import; an entry the import created is withdrawn. Refused with "
                    + "409, changing nothing, if any of them changed after the import (revert those one by one), or if "
                    + "the import is not applied or already reverted.")
    public ImportAnswer revert(@PathParam("id") String id, String body) {
        ReasonRequest request = JsonBodies.read(body, ReasonRequest.class);
        return ImportAnswer.of(actions.revert(importId(id), request == null ? null : request.reason()));
    }

    /** A real run with INVALID rows: 422 with the whole row table; nothing was changed. */
    @ServerExceptionMapper
    public Response refused(ImportRefused refused, UriInfo uri) {
        ImportReport report = refused.report();
        return Problem.of("import-invalid", 422, "Some rows are not valid", refused.getMessage()).at(uri.getPath())
                .with("counts", report.counts()).with("rows", report.rows()).toResponse();
    }

    private static boolean isDryRun(String value) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.isEmpty() || value.equalsIgnoreCase("true")) {
            return true;
        }
        throw CurationProblem.invalidField("dryRun", "must be true or false");
    }

    /** The body is read as UTF-8; a request that says it is something else is told so instead of being misread. */
    private static void requireUtf8(String contentType) {
        if (contentType == null) {
            return;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")
                    && !pair[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw CurationProblem.invalidField("file", "The file must be UTF-8; this request says charset="
                        + pair[1].trim() + ". Save it as UTF-8 and send it again; other encodings are not converted.");
            }
        }
    }

    private static UUID importId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CurationProblem.notFound("No import " + id + ".");
        }
    }
}
