package org.imagingcatalog.publicweb.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

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
import org.imagingcatalog.publicweb.reading.CatalogGraph;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.releases.Release;
import org.imagingcatalog.publicweb.releases.ReleaseParameter;
import org.imagingcatalog.publicweb.releases.Releases;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.web.SiteConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The catalog in the formats people cite and analyse it in. Each takes the page's query parameters
 * (search, flags, access, licence, sort) and exports every matching active entry; or, with {@code release}, the
 * listed entries of a named release exactly as it was cut (dated the day it was cut, never today), the same bytes
 * however the catalog changes later.
 */
@Path("/export")
@Tag(name = "Exports", description = "Every export takes the query parameters of GET /api/v1/resources (page and size"
        + " are taken and ignored: every match is exported); any other parameter is refused with 400. release=NAME (a"
        + " release of GET /api/v1/releases) exports its listed entries exactly as it was cut, dated the day it was cut;"
        + " not with search words or filters (400 naming release); sort applies")
@APIResponse(responseCode = "400", description = "an unknown query parameter or a bad value, named in errors",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "404", description = "release names no complete release",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ExportApi {

    private final CatalogReader catalog;
    private final Releases releases;
    private final Responses responses;
    private final SiteConfig site;
    private final ErrorAnswers answers;

    /** The SPDX id of the licence the catalog's own metadata (the DCAT-AP catalog record) is published under. */
    @ConfigProperty(name = "catalog.dcat.metadata-license", defaultValue = "CC0-1.0")
    String metadataLicense;

    public ExportApi(CatalogReader catalog, Releases releases, Responses responses, SiteConfig site,
            ErrorAnswers answers) {
        this.catalog = catalog;
        this.releases = releases;
        this.responses = responses;
        this.site = site;
        this.answers = answers;
    }

    @GET
    @Path("catalog.csv")
    @Operation(summary = "The matching entries as RFC 4180 CSV with a header row")
    public Response csv(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "text/csv; charset=UTF-8; header=present", CatalogQuery.Route.EXPORT,
                text((exported, out) -> Csv.write(exported.entries(), exported.graph()::sources, out)));
    }

    @GET
    @Path("catalog.json")
    @Operation(summary = "The matching entries as a JSON array of resources")
    public Response json(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "application/json", CatalogQuery.Route.EXPORT, text((exported, out) -> {
            out.append('[');
            boolean first = true;
            for (Entry entry : exported.entries()) {
                out.append(first ? "" : ",").append(entry.json());
                first = false;
            }
            out.append(']');
        }));
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
                text((exported, out) -> out.append(Latex.table(exported.entries(), exported.asOf(),
                        exported.releaseName(), riskOfBias))));
    }

    @GET
    @Path("catalog.bib")
    @Operation(summary = "BibTeX: one @misc per resource")
    public Response bibtex(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "application/x-bibtex; charset=UTF-8", CatalogQuery.Route.EXPORT,
                text((exported, out) -> Bibtex.all(exported.entries(), site.base(), exported.asOf(), out)));
    }

    @GET
    @Path("catalog.jsonld")
    @Operation(summary = "A schema.org DataCatalog with one Dataset per resource")
    public Response jsonLd(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "application/ld+json", CatalogQuery.Route.EXPORT, (exported, out) -> {
            Map<String, String> release = new LinkedHashMap<>();
            if (exported.release() != null) {
                release.put("version", exported.release().name());
                release.put("datePublished", exported.asOf().toString());
            }
            SchemaOrg.catalog(exported.entries(), site.base(), exported.graph(), release, out);
        });
    }

    @GET
    @Path("catalog.ttl")
    @Operation(summary = "DCAT-AP 3 in Turtle: a dcat:Catalog with one dcat:Dataset per entry, for data portals to harvest")
    public Response dcatTurtle(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "text/turtle; charset=UTF-8", CatalogQuery.Route.EXPORT,
                (exported, out) -> DcatCatalog.turtle(exported.entries(), exported.graph(), publication(exported), out));
    }

    @GET
    @Path("catalog.rdf")
    @Operation(summary = "DCAT-AP 3 in RDF/XML: the same triples as catalog.ttl")
    public Response dcatRdfXml(@Context UriInfo uri, @Context HttpHeaders headers) {
        return export(uri, headers, "application/rdf+xml", CatalogQuery.Route.EXPORT,
                (exported, out) -> DcatCatalog.rdfXml(exported.entries(), exported.graph(), publication(exported), out));
    }

    /**
     * Licences as DCAT-AP names them: the SPDX licence IRI for a licence on the SPDX list, else its text. A release's
     * catalog says which release it is and when it was cut.
     */
    private DcatCatalog.Publication publication(Exported exported) {
        String description = "A curated catalog of public medical imaging data resources."
                + (exported.release() == null ? "" : " Release " + exported.release().name() + ", cut on "
                        + exported.asOf() + ".");
        return new DcatCatalog.Publication(site.base(), SchemaOrg.CATALOG_NAME, description,
                metadataLicense, stated -> Optional.ofNullable(SpdxLicences.of(stated))
                        .filter(licence -> licence.name() != null).map(SpdxLicences.SpdxLicence::spdx));
    }

    /**
     * What an export writes: the entries (read from the database as they are written, once), their lineage (built
     * only when the format asks for it), the day the export stands for (today, or the day a release was cut) and the
     * release, if one was asked for.
     */
    private record Exported(Iterable<Entry> entries, Supplier<CatalogGraph> lineage, LocalDate asOf, Release release) {

        CatalogGraph graph() {
            return lineage.get();
        }

        String releaseName() {
            return release == null ? null : release.name();
        }
    }

    /** What an export opens: its entries as a stream of the database's rows, and the rest of {@link Exported}. */
    private record Source(Supplier<Stream<Entry>> entries, Supplier<CatalogGraph> lineage, LocalDate asOf,
            Release release) {
    }

    /** Writes one format. */
    @FunctionalInterface
    private interface Format {
        void write(Exported exported, OutputStream out) throws IOException;
    }

    /** Writes one text format, as UTF-8. */
    @FunctionalInterface
    private interface TextFormat {
        void write(Exported exported, Writer out) throws IOException;
    }

    private static Format text(TextFormat format) {
        return (exported, out) -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            format.write(exported, writer);
            writer.flush();
        };
    }

    /**
     * The export a request asks for, checked before anything is rendered: the catalog now, narrowed by the query, or
     * a named release whole (an unknown release is 404, before any cached answer or 304).
     */
    private Source source(UriInfo uri, CatalogQuery.Route route) {
        CatalogQuery query = QueryParameters.parse(uri, answers, route);
        Optional<String> name = QueryParameters.parse(uri, answers, params -> ReleaseParameter.of(params, query));
        if (name.isEmpty()) {
            return new Source(() -> catalog.exported(query), catalog::graph, LocalDate.now(ZoneOffset.UTC), null);
        }
        Release release = releases.find(name.get()).orElseThrow(() -> new WebApplicationException(answers.answer(
                uri.getPath(), "not-found", 404, "Not found", "There is no release named \"" + name.get() + "\".")
                .build()));
        return new Source(() -> releases.listed(release, query.effectiveSort()), () -> releases.graph(release),
                release.cutDate(), release);
    }

    /**
     * Serves an export: rendered once per catalog version as the entries stream from the database, in one read-only
     * transaction, and kept in memory or on disk by {@link Responses#serveExport}; never held whole in the heap.
     */
    private Response export(UriInfo uri, HttpHeaders headers, String mediaType, CatalogQuery.Route route, Format format) {
        Source source = source(uri, route);
        return responses.serveExport(uri, headers, mediaType, out -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    try (Stream<Entry> entries = source.entries().get()) {
                        format.write(new Exported(entries::iterator, source.lineage(), source.asOf(), source.release()),
                                out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }
}
