package org.imagingcatalog.publicweb.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.stats.BarChart;
import org.imagingcatalog.publicweb.stats.Figure;
import org.imagingcatalog.publicweb.stats.Stats;

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

/** The survey's headline figures as a page with charts; {@code /api/v1/stats} gives them as JSON. */
@Path("/stats")
public class StatsPage {

    /** A figure with its chart, for the page. */
    public record Chart(Figure figure, String svg) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(long resources, List<Chart> charts);
    }

    private final CatalogReader catalog;
    private final Responses responses;

    public StatsPage(CatalogReader catalog, Responses responses) {
        this.catalog = catalog;
        this.responses = responses;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, "text/html; charset=UTF-8", () -> {
            Stats figures = catalog.figures();
            List<Chart> charts = figures.figures().stream().map(f -> new Chart(f, BarChart.svg(f))).toList();
            return Templates.stats(figures.resources(), charts).render().getBytes(StandardCharsets.UTF_8);
        });
    }
}
