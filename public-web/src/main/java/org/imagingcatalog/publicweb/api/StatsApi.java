package org.imagingcatalog.publicweb.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.stats.Figure;
import org.imagingcatalog.publicweb.stats.Stats;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The survey's headline figures as JSON; {@code /stats} shows them as a page. */
@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class StatsApi {

    private final CatalogReader catalog;
    private final Responses responses;

    public StatsApi(CatalogReader catalog, Responses responses) {
        this.catalog = catalog;
        this.responses = responses;
    }

    @GET
    @Operation(summary = "How many listed resources, and per figure how many answer Y, N or U")
    public Response figures(@Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            Stats figures = catalog.figures();
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
