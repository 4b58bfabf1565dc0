package org.imagingcatalog.curation.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.imports.ImportActions;
import org.imagingcatalog.curation.imports.ImportActions.ImportView;
import org.imagingcatalog.curation.imports.ImportFormat;
import org.imagingcatalog.curation.imports.ImportRefused;
import org.imagingcatalog.curation.imports.ImportReport;
import org.imagingcatalog.curation.imports.ImportRun;
import org.imagingcatalog.curation.imports.ImportText;
import org.imagingcatalog.model.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Bulk import for curators: upload a file, see its dry run as a table (a staged import: nothing has changed yet), then
 * apply it with a reason, or revert it once applied. Every step is a form (303 after each), no script needed.
 */
@Path("/imports")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.TEXT_HTML)
public class ImportPage {

    private static final int RECENT = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance imports(List<ImportRun> recent, String problem, String maxSize);

        static native TemplateInstance staged(ImportView view, ImportReport report, String notice, String problem);
    }

    private final ImportActions actions;

    public ImportPage(ImportActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.imports(actions.recent(RECENT), null, ImportText.MAX_TEXT);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response upload(@RestForm("file") FileUpload file) {
        try {
            if (file == null || file.uploadedFile() == null) {
                throw ImportText.fileProblem("Choose a file to import.");
            }
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            UUID id = actions.stage(bytes, ImportFormat.ofFileName(file.fileName()), file.fileName());
            return ReviewPage.seeOther("/imports/" + id);
        } catch (CurationProblem problem) {
            return Response.status(problem.kind().status)
                    .entity(Templates.imports(actions.recent(RECENT), problem.getMessage(), ImportText.MAX_TEXT))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        ImportView view = actions.find(importId(id));
        String notice = "applied".equals(done) ? "Applied: every row is a new version in the catalog."
                : "reverted".equals(done) ? "Reverted: every entry the import touched has its earlier content again."
                : null;
        return Templates.staged(view, view.report(), notice, null);
    }

    @POST
    @Path("/{id}/apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response apply(@PathParam("id") String id, @FormParam("reason") String reason) {
        UUID importId = importId(id);
        try {
            return change(importId, () -> actions.applyStaged(importId, reason), "applied");
        } catch (ImportRefused refused) {
            ImportView view = actions.find(importId);
            return Response.status(422).entity(Templates.staged(view, refused.report(), null, refused.getMessage()))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    @POST
    @Path("/{id}/revert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revert(@PathParam("id") String id, @FormParam("reason") String reason) {
        UUID importId = importId(id);
        return change(importId, () -> actions.revert(importId, reason), "reverted");
    }

    private Response change(UUID id, Supplier<ImportView> action, String done) {
        try {
            action.get();
            return ReviewPage.seeOther("/imports/" + id + "?done=" + done);
        } catch (CurationProblem problem) {
            if (problem.kind() == CurationProblem.Kind.NOT_FOUND) {
                throw problem;
            }
            ImportView view = actions.find(id);
            return Response.status(problem.kind().status)
                    .entity(Templates.staged(view, view.report(), null, problem.getMessage()))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
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
