package org.imagingcatalog.publicweb.api;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.kit.licences.SpdxLicences;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.export.Croissant;
import org.imagingcatalog.publicweb.reading.CatalogGraph;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.search.RawQuery;
import org.imagingcatalog.publicweb.web.SiteConfig;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One entry as Croissant (MLCommons) JSON-LD, for machine-learning tools: beside its page, listed or withdrawn like
 * the page. A document programs read, so its refusals are problem+json although the path is under the pages'.
 */
@Path("/resources/{id}/croissant.json")
@Tag(name = "Exports")
public class CroissantApi {

    private final CatalogReader catalog;
    private final Responses responses;
    private final SiteConfig site;

    public CroissantApi(CatalogReader catalog, Responses responses, SiteConfig site) {
        this.catalog = catalog;
        this.responses = responses;
        this.site = site;
    }

    @GET
    @Operation(summary = "The entry as a Croissant 1.0 dataset (JSON-LD, context inlined): lineage as isBasedOn and"
            + " prov:wasDerivedFrom, the trust fields as Croissant RAI properties")
    @APIResponse(responseCode = "200", description = "the Croissant document",
            content = @Content(mediaType = Croissant.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "any query parameter: this address takes none",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such resource",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response croissant(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        refuseParameters(uri);
        return responses.serve(uri, headers, Croissant.MEDIA_TYPE, () -> {
            Entry entry = catalog.entry(id).orElseThrow(() -> new WebApplicationException(Problem.of("not-found", 404,
                    "Not found", "There is no resource with the id \"" + id + "\" in the catalog.").at(uri.getPath())
                    .toResponseBuilder().build()));
            CatalogGraph graph = catalog.lineage(id).map(CatalogReader.EntryLineage::graph).orElseGet(catalog::graph);
            return Croissant.bytes(Croissant.document(entry, site.base(), graph, CroissantApi::licenseIri));
        });
    }

    /** The SPDX licence IRI of a stated licence on the SPDX list (as in the DCAT-AP export). */
    private static Optional<String> licenseIri(String stated) {
        return Optional.ofNullable(SpdxLicences.of(stated)).filter(licence -> licence.name() != null)
                .map(licence -> "http://spdx.org/licenses/" + licence.spdx());
    }

    private static void refuseParameters(UriInfo uri) {
        try {
            CatalogQuery.refuseUnknown(RawQuery.parameters(uri), Set.of());
        } catch (BadQueryException e) {
            throw new WebApplicationException(Problem.of("invalid-query", 400, "Invalid query parameter", e.detail())
                    .withErrors(e.refusals().stream().map(r -> new FieldError(r.parameter(), r.problem())).toList())
                    .at(uri.getPath()).toResponseBuilder().build());
        }
    }
}
