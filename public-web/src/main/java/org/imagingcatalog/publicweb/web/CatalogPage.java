package org.imagingcatalog.publicweb.web;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.publicweb.search.RawQuery;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;

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

/** The catalog page: the survey's Table 1 with search, filters, sorting, paging and exports of the view. */
@Path("/")
public class CatalogPage {

    static final String HTML = "text/html; charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(HomeView view);
    }

    private final CatalogReader catalog;
    private final Responses responses;

    public CatalogPage(CatalogReader catalog, Responses responses) {
        this.catalog = catalog;
        this.responses = responses;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response home(@Context UriInfo uri, @Context HttpHeaders headers) {
        CatalogQuery query;
        try {
            query = CatalogQuery.parse(RawQuery.parameters(uri), CatalogQuery.Route.LIST);
        } catch (BadQueryException e) {
            return Response.status(400).type(HTML).entity(Templates.home(HomeViews.invalid(e)).render()).build();
        }
        return responses.serve(uri, headers, HTML,
                () -> Templates.home(HomeViews.of(catalog.page(query))).render().getBytes(StandardCharsets.UTF_8));
    }
}
