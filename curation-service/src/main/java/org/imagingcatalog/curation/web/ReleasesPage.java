package org.imagingcatalog.curation.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.releases.CatalogRelease;
import org.imagingcatalog.curation.releases.ReleaseActions;
import org.imagingcatalog.curation.security.CuratorGuard;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.model.releases.ReleaseNames;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The releases: curators and catalog-admin see every release; catalog-admin cuts one with the form (303 to the list
 * after the cut, so a reload does not cut again; a second cut with the same name is refused with the cut's date).
 */
@Path("/releases")
@RolesAllowed({ Roles.CURATOR, Roles.CATALOG_ADMIN })
@Produces(MediaType.TEXT_HTML)
public class ReleasesPage {

    /** What the form shows again after a refusal. */
    public record Form(String name, String notes) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance releases(List<CatalogRelease> releases, boolean canCut, Form form, String notice,
                String problem, Map<String, String> errors, String publicUrl, int nameMax, int notesMax);
    }

    private final ReleaseActions actions;
    private final CuratorGuard guard;
    private final String publicUrl;

    public ReleasesPage(ReleaseActions actions, CuratorGuard guard,
            @ConfigProperty(name = "catalog.public-url") String publicUrl) {
        this.actions = actions;
        this.guard = guard;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("cut") String cut) {
        String notice = cut != null && ReleaseNames.isValid(cut) ? "Release " + cut + " is cut. Readers see it on the"
                + " public catalog as soon as it has arrived there, with its changes, citation and exports." : null;
        return page(new Form("", ""), notice, null, Map.of());
    }

    @POST
    @RolesAllowed(Roles.CATALOG_ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cut(@FormParam("name") String name, @FormParam("notes") String notes) {
        try {
            CatalogRelease release = actions.cut(name, notes);
            return ReviewPage.seeOther("/releases?cut=" + release.name);
        } catch (CurationProblem problem) {
            Map<String, String> errors = problem.errors() == null ? Map.of()
                    : problem.errors().stream().collect(java.util.stream.Collectors.toMap(e -> e.field(), e -> e.message(),
                            (a, b) -> a));
            return Response.status(problem.kind().status)
                    .entity(page(new Form(name, notes), null, problem.getMessage(), errors))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    private TemplateInstance page(Form form, String notice, String problem, Map<String, String> errors) {
        return Templates.releases(actions.list(), guard.isCatalogAdmin(), form, notice, problem, errors, publicUrl,
                ReleaseNames.MAX, ReleaseNames.NOTES_MAX);
    }
}
