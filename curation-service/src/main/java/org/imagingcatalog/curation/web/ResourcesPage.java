package org.imagingcatalog.curation.web;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.curation.curating.CurationActions.EditConflict;
import org.imagingcatalog.curation.curating.CurationActions.ResourcePage;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.curating.CuratorInput;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.model.diff.FieldChange;

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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** Curated resources: the list, each one's full history, diffs, direct edit, revert, withdraw and restore. */
@Path("/resources")
@RolesAllowed(Roles.CURATOR)
@Produces(MediaType.TEXT_HTML)
public class ResourcesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<ResourceHead> resources);

        static native TemplateInstance resource(ResourcePage page, VersionView current, String notice, String problem,
                Map<String, String> errors);

        static native TemplateInstance diff(ResourceHead head, List<VersionView> versions, int from, int to,
                List<FieldChange> changes);

        static native TemplateInstance edit(ResourceHead head, int baseVersion, List<ResourceForm.Field> fields,
                ResourceForm.TrustView trust, String reason, String problem, Map<String, String> errors,
                EditConflict conflict);
    }

    private final CurationActions actions;

    public ResourcesPage(CurationActions actions) {
        this.actions = actions;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance list() {
        return Templates.list(actions.resources());
    }

    @GET
    @Path("/{id}")
    @Operation(hidden = true)
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("accepted") String accepted,
            @QueryParam("done") String done) {
        ResourcePage page = actions.resource(id);
        String notice = accepted != null ? "Submission accepted: version " + page.head().currentVersion + " is published."
                : done != null ? "Saved: version " + page.head().currentVersion + " is published." : null;
        return resourcePage(page, notice, null, Map.of());
    }

    @GET
    @Path("/{id}/diff")
    @Operation(hidden = true)
    public TemplateInstance diff(@PathParam("id") String id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        ResourcePage page = actions.resource(id);
        int current = page.head().currentVersion;
        int a = from == null ? Math.max(1, current - 1) : from;
        int b = to == null ? current : to;
        return Templates.diff(page.head(), page.versions(), a, b, actions.diff(id, a, b));
    }

    @GET
    @Path("/{id}/edit")
    @Operation(hidden = true)
    public TemplateInstance editForm(@PathParam("id") String id) {
        ResourcePage page = actions.resource(id);
        VersionView current = page.versions().get(page.versions().size() - 1);
        Map<String, List<String>> values = ResourceForm.values(current.snapshot());
        return Templates.edit(page.head(), page.head().currentVersion, ResourceForm.fields(values, Map.of(), true),
                ResourceForm.trust(values, Map.of()), "", null, Map.of(), null);
    }

    @POST
    @Path("/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response edit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Integer base = parseVersion(form.getFirst("baseVersion"));
        String reason = form.getFirst("reason");
        try {
            actions.edit(id, base, new CuratorInput.Form(form), reason);
            return ReviewPage.seeOther("/resources/" + id + "?done=edit");
        } catch (CurationProblem problem) {
            ResourcePage page = actions.resource(id);
            Map<String, List<String>> values = ResourceForm.values(form);
            values.put("id", List.of(id));
            Map<String, String> errors = ResourceForm.errors(problem.errors(), values);
            EditConflict conflict = null;
            int formBase = base == null ? page.head().currentVersion : base;
            if (problem.kind() == CurationProblem.Kind.STALE) {
                conflict = actions.editConflict(id, formBase, form);
                formBase = conflict.current();
            }
            TemplateInstance page2 = Templates.edit(page.head(), formBase, ResourceForm.fields(values, errors, true),
                    ResourceForm.trust(values, errors), reason == null ? "" : reason, problem.getMessage(), errors, conflict);
            return Response.status(problem.kind().status).entity(page2)
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    @POST
    @Path("/{id}/revert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response revert(@PathParam("id") String id, @FormParam("toVersion") String toVersion,
            @FormParam("reason") String reason) {
        return change(id, () -> actions.revert(id, parseVersion(toVersion), reason), "revert");
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") String id, @FormParam("reason") String reason) {
        return change(id, () -> actions.withdraw(id, reason), "withdraw");
    }

    @POST
    @Path("/{id}/restore")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response restore(@PathParam("id") String id, @FormParam("reason") String reason) {
        return change(id, () -> actions.restore(id, reason), "restore");
    }

    private Response change(String id, Supplier<VersionView> action, String what) {
        try {
            action.get();
            return ReviewPage.seeOther("/resources/" + id + "?done=" + what);
        } catch (CurationProblem problem) {
            if (problem.kind() == CurationProblem.Kind.NOT_FOUND && problem.errors().isEmpty()) {
                throw problem;
            }
            Map<String, String> errors = ResourceForm.errors(problem.errors());
            return Response.status(problem.kind().status)
                    .entity(resourcePage(actions.resource(id), null, problem.getMessage(), errors))
                    .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
        }
    }

    private static TemplateInstance resourcePage(ResourcePage page, String notice, String problem, Map<String, String> errors) {
        VersionView current = page.versions().get(page.versions().size() - 1);
        return Templates.resource(page, current, notice, problem, errors);
    }

    private static Integer parseVersion(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw CurationProblem.invalidField("toVersion", "must be a version number");
        }
    }
}
