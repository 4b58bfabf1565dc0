package org.imagingcatalog.publicweb.feed;

import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.publicweb.catalog.BadQueryException;
import org.imagingcatalog.publicweb.catalog.CatalogQuery;
import org.imagingcatalog.publicweb.catalog.CatalogRepository;
import org.imagingcatalog.publicweb.web.CatalogVersion;
import org.imagingcatalog.publicweb.web.Problems;
import org.imagingcatalog.publicweb.web.Responses;
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
public class FeedResource {

    static final int ENTRIES_MAX = 100;

    private final CatalogRepository catalog;
    private final Responses responses;
    private final SiteConfig site;
    private final CatalogVersion version;

    public FeedResource(CatalogRepository catalog, Responses responses, SiteConfig site, CatalogVersion version) {
        this.catalog = catalog;
        this.responses = responses;
        this.site = site;
        this.version = version;
    }

    @GET
    @Operation(summary = "Atom 1.0 feed of the newest catalog changes, newest first")
    public Response feed(@Context UriInfo uri, @Context HttpHeaders headers) {
        CatalogQuery query;
        try {
            query = CatalogQuery.parse(uri.getQueryParameters());
        } catch (BadQueryException e) {
            return Problems.badQuery(e);
        }
        String filters = query.filterQueryString();
        String self = site.base() + "/feed.atom" + (filters.isEmpty() ? "" : "?" + filters);
        return responses.serve(uri, headers, "application/atom+xml; charset=UTF-8",
                () -> AtomFeed.write(catalog.recentChanges(query, ENTRIES_MAX), site.base(), self,
                        version.current().lastModified()).getBytes(StandardCharsets.UTF_8));
    }
}
