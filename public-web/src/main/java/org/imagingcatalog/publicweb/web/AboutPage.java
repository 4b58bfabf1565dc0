package org.imagingcatalog.publicweb.web;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.publicweb.cache.Responses;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** What the catalog is, how curation works, and how to cite it. */
@Path("/about")
public class AboutPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance about(String base);
    }

    private final Responses responses;
    private final SiteConfig site;

    public AboutPage(Responses responses, SiteConfig site) {
        this.responses = responses;
        this.site = site;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response about(@Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, "text/html; charset=UTF-8",
                () -> Templates.about(site.base()).render().getBytes(StandardCharsets.UTF_8));
    }
}
