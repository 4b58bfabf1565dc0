package org.imagingcatalog.publicweb.web;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.model.Text;
import org.imagingcatalog.model.releases.ReleaseDiff;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.releases.Release;
import org.imagingcatalog.publicweb.releases.Releases;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The named releases for people: the list, newest first, and a page per release with its notes, how to cite it, its
 * exports (each exactly as the release was cut) and what changed since the previous release, entry by entry and
 * field by field.
 */
@Path("/releases")
public class ReleasesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance releases(ReleasesView view);

        static native TemplateInstance release(ReleaseView view);
    }

    private final Releases releases;
    private final Responses responses;
    private final SiteConfig site;
    private final ErrorAnswers answers;

    public ReleasesPage(Releases releases, Responses responses, SiteConfig site, ErrorAnswers answers) {
        this.releases = releases;
        this.responses = responses;
        this.site = site;
        this.answers = answers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, "text/html; charset=UTF-8",
                () -> Templates.releases(ReleaseViews.list(releases.all())).render().getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Path("{name}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response release(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, "text/html; charset=UTF-8", () -> {
            Release release = releases.find(name).orElseThrow(() -> new WebApplicationException(answers.answer(
                    uri.getPath(), "not-found", 404, "Not found", "There is no release named \"" + Text.shorten(name)
                            + "\".").build()));
            Release previous = release.previous() == null ? null : releases.find(release.previous()).orElse(null);
            ReleaseDiff diff = previous == null ? null : releases.diff(previous, release);
            return Templates.release(ReleaseViews.release(release, previous != null, diff, site.base())).render()
                    .getBytes(StandardCharsets.UTF_8);
        });
    }
}
