package org.imagingcatalog.publicweb.api;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.publicweb.cache.CatalogVersion;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.export.AtomFeed;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.web.SiteConfig;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** An Atom feed of catalog changes, filtered like the page when query parameters are given. */
@Path("/feed.atom")
@Tag(name = "Exports")
public class FeedApi {

    static final int ENTRIES_MAX = 100;

    private final CatalogReader catalog;
    private final Responses responses;
    private final SiteConfig site;
    private final CatalogVersion version;
    private final ErrorAnswers answers;

    public FeedApi(CatalogReader catalog, Responses responses, SiteConfig site, CatalogVersion version,
            ErrorAnswers answers) {
        this.catalog = catalog;
        this.responses = responses;
        this.site = site;
        this.version = version;
        this.answers = answers;
    }

    @GET
    @Operation(summary = "Atom 1.0 feed of the newest catalog changes, newest first",
            description = "Takes the filters of GET /api/v1/resources (q, the flags, access, license, format,"
                    + " annotation); sort is taken and ignored (always newest first); page, size and any other"
                    + " parameter are refused with 400")
    @APIResponse(responseCode = "400", description = "an unknown query parameter or a bad value, named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@Context UriInfo uri, @Context HttpHeaders headers) {
        CatalogQuery query = QueryParameters.parse(uri, answers, CatalogQuery.Route.FEED);
        String filters = query.feedQueryString();
        String self = site.base() + "/feed.atom" + (filters.isEmpty() ? "" : "?" + filters);
        return responses.serve(uri, headers, "application/atom+xml; charset=UTF-8",
                () -> AtomFeed.write(catalog.recentChanges(query, ENTRIES_MAX), site.base(), self,
                        version.current().lastModified()).getBytes(StandardCharsets.UTF_8));
    }
}
