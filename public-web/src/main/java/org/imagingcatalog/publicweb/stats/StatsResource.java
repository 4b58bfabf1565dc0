package org.imagingcatalog.publicweb.stats;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.web.Responses;

import com.fasterxml.jackson.core.JsonProcessingException;

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

/** The survey's headline figures, as a page with charts and as JSON. */
@Path("/")
public class StatsResource {

    /** A figure with its chart, for the page. */
    public record Chart(Figure figure, String svg) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(long resources, List<Chart> charts);
    }

    private final StatsService stats;
    private final Responses responses;

    public StatsResource(StatsService stats, Responses responses) {
        this.stats = stats;
        this.responses = responses;
    }

    @GET
    @Path("stats")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, "text/html; charset=UTF-8", () -> {
            Stats figures = stats.compute();
            List<Chart> charts = figures.figures().stream().map(f -> new Chart(f, BarChart.svg(f))).toList();
            return Templates.stats(figures.resources(), charts).render().getBytes(StandardCharsets.UTF_8);
        });
    }

    @GET
    @Path("api/v1/stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Catalog")
    @Operation(summary = "How many listed resources, and per figure how many answer Y, N or U")
    public Response api(@Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            Stats figures = stats.compute();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("resources", figures.resources());
            Map<String, Object> byKey = new LinkedHashMap<>();
            for (Figure f : figures.figures()) {
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("label", f.label());
                counts.put("Y", f.yes());
                counts.put("N", f.no());
                counts.put("U", f.unknown());
                byKey.put(f.key(), counts);
            }
            body.put("figures", byKey);
            try {
                return EventJson.mapper().writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
