package org.imagingcatalog.publicweb.api;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.kit.licences.SpdxLicences;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.export.Bibtex;
import org.imagingcatalog.publicweb.export.Csv;
import org.imagingcatalog.publicweb.export.DcatCatalog;
import org.imagingcatalog.publicweb.export.Latex;
import org.imagingcatalog.publicweb.export.SchemaOrg;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.web.SiteConfig;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The catalog in the formats people cite and analyse it in. Each takes the page's query parameters
 * (search, flags, access, licence, sort) and exports every matching active entry.
 */
@Path("/export")
@Tag(name = "Exports", description = "Every export takes the query parameters of GET /api/v1/resources (page and size"
        + " are taken and ignored: every match is exported); any other parameter is refused with 400")
@APIResponse(responseCode = "400", description = "an unknown query parameter or a bad value, named in errors",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ExportApi {

    private final CatalogReader catalog;
    private final Responses responses;
    private final SiteConfig site;
    private final ErrorAnswers answers;

    /** The SPDX id of the licence the catalog's own metadata (the DCAT-AP catalog record) is published under. */
    @ConfigProperty(name = "catalog.dcat.metadata-license", defaultValue = "CC0-1.0")
    String metadataLicense;

    public ExportApi(CatalogReader catalog, Responses responses, SiteConfig site, ErrorAnswers answers) {
        this.catalog = catalog;
        this.responses = responses;
        this.site = site;
        this.answers = answers;
    }

    @GET
    @Path("catalog.csv")
    @Operation(summary = "The matching entries as RFC 4180 CSV with a header row")
    public Response csv(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "text/csv; charset=UTF-8; header=present",
                entries -> Csv.write(entries, catalog.graph()::sources));
    }

    @GET
    @Path("catalog.json")
    @Operation(summary = "The matching entries as a JSON array of resources")
    public Response json(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "application/json",
                entries -> "[" + String.join(",", entries.stream().map(Entry::json).toList()) + "]");
    }

    @GET
    @Path("catalog.tex")
    @Operation(summary = "The survey's Table 1 layout as a LaTeX longtable that cites each row, ready to \\input")
    @Parameter(name = "riskOfBias", in = ParameterIn.QUERY, description = "true: one more centred column, RoB, with"
            + " each entry's worst risk of bias over the assessed domains (H high, U unclear, L low, -- none assessed)")
    public Response latex(@Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParameters.parse(uri, answers, CatalogQuery.Route.LATEX); // unknown parameters first, as everywhere
        boolean riskOfBias = QueryParameters.parse(uri, answers, params -> CatalogQuery.yes(params, "riskOfBias"));
        return export(uri, headers, "application/x-tex; charset=UTF-8", CatalogQuery.Route.LATEX,
                entries -> Latex.table(entries, java.time.LocalDate.now(java.time.ZoneOffset.UTC), null, riskOfBias));
    }

    @GET
    @Path("catalog.bib")
    @Operation(summary = "BibTeX: one @misc per resource")
    public Response bibtex(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "application/x-bibtex; charset=UTF-8",
                entries -> Bibtex.all(entries, site.base(), java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
    }

    @GET
    @Path("catalog.jsonld")
    @Operation(summary = "A schema.org DataCatalog with one Dataset per resource")
    public Response jsonLd(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "application/ld+json",
                entries -> SchemaOrg.json(SchemaOrg.catalog(entries, site.base(), catalog.graph())));
    }

    @GET
    @Path("catalog.ttl")
    @Operation(summary = "DCAT-AP 3 in Turtle: a dcat:Catalog with one dcat:Dataset per entry, for data portals to harvest")
    public Response dcatTurtle(@Context UriInfo uri, @Context HttpHeaders headers) {
        return exportBytes(uri, headers, "text/turtle; charset=UTF-8",
                (entries, to) -> DcatCatalog.turtle(entries, catalog.graph(), publication(), to));
    }

    @GET
    @Path("catalog.rdf")
    @Operation(summary = "DCAT-AP 3 in RDF/XML: the same triples as catalog.ttl")
    public Response dcatRdfXml(@Context UriInfo uri, @Context HttpHeaders headers) {
        return exportBytes(uri, headers, "application/rdf+xml",
                (entries, to) -> DcatCatalog.rdfXml(entries, catalog.graph(), publication(), to));
    }

    /** Licences as DCAT-AP names them: the SPDX licence IRI for a licence on the SPDX list, else its text. */
    private DcatCatalog.Publication publication() {
        return new DcatCatalog.Publication(site.base(), SchemaOrg.CATALOG_NAME,
                "A curated catalog of public medical imaging data resources.",
                metadataLicense, stated -> Optional.ofNullable(SpdxLicences.of(stated))
                        .filter(licence -> licence.name() != null).map(SpdxLicences.SpdxLicence::spdx));
    }

    /** An export written to a stream: the bytes are written once, never first held as one string. */
    private Response exportBytes(UriInfo uri, HttpHeaders headers, String mediaType,
            BiConsumer<List<Entry>, OutputStream> format) {
        CatalogQuery query = QueryParameters.parse(uri, answers, CatalogQuery.Route.EXPORT);
        return responses.serve(uri, headers, mediaType, () -> {
            List<Entry> entries = catalog.all(query);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + entries.size() * 2048);
            format.accept(entries, bytes);
            return bytes.toByteArray();
        });
    }

    private Response export(UriInfo uri, HttpHeaders headers, String mediaType, Function<List<Entry>, String> format) {
        return export(uri, headers, mediaType, CatalogQuery.Route.EXPORT, format);
    }

    private Response export(UriInfo uri, HttpHeaders headers, String mediaType, CatalogQuery.Route route,
            Function<List<Entry>, String> format) {
        CatalogQuery query = QueryParameters.parse(uri, answers, route);
        return responses.serve(uri, headers, mediaType,
                () -> format.apply(catalog.all(query)).getBytes(StandardCharsets.UTF_8));
    }
}
