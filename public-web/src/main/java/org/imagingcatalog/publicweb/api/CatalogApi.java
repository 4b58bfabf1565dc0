package org.imagingcatalog.publicweb.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.catalog.Change;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Flag;
import org.imagingcatalog.publicweb.catalog.LinkHealth;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.search.Facets;
import org.imagingcatalog.publicweb.search.ResultPage;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The read-only JSON API of the catalog: the same queries as the page. */
@Path("/api/v1/resources")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogApi {

    private final CatalogReader catalog;
    private final Responses responses;
    private final ErrorAnswers answers;

    public CatalogApi(CatalogReader catalog, Responses responses, ErrorAnswers answers) {
        this.catalog = catalog;
        this.responses = responses;
        this.answers = answers;
    }

    @GET
    @Operation(summary = "Listed resources matching the query, one page at a time")
    @Parameters({
            @Parameter(name = "q", in = ParameterIn.QUERY, description = "full-text search (web search syntax: words, \"phrases\", -excluded, or)"),
            @Parameter(name = "ct", in = ParameterIn.QUERY, description = "Y, N or U"),
            @Parameter(name = "xray", in = ParameterIn.QUERY, description = "Y, N or U"),
            @Parameter(name = "mri", in = ParameterIn.QUERY, description = "Y, N or U"),
            @Parameter(name = "ultrasound", in = ParameterIn.QUERY, description = "Y, N or U"),
            @Parameter(name = "metadata", in = ParameterIn.QUERY, description = "Y, N or U"),
            @Parameter(name = "caseReview", in = ParameterIn.QUERY, description = "Y, N or U"),
            @Parameter(name = "access", in = ParameterIn.QUERY, description = "OPEN, REGISTRATION, APPLICATION or UNKNOWN"),
            @Parameter(name = "license", in = ParameterIn.QUERY, description = "licence, e.g. CC-BY-4.0 (case-insensitive)"),
            @Parameter(name = "format", in = ParameterIn.QUERY, description = "a format the resource offers, e.g. DICOM"
                    + " (case-insensitive, the whole value); several comma-separated or repeated: any of them"),
            @Parameter(name = "annotation", in = ParameterIn.QUERY, description = "an annotation the resource has, e.g."
                    + " segmentation (case-insensitive, the whole value); several comma-separated or repeated: any of them"),
            @Parameter(name = "referenceStandard", in = ParameterIn.QUERY, description = "how the labels were set: RT_PCR,"
                    + " CLINICAL, RADIOLOGIST, REPORT_DERIVED, MIXED or UNKNOWN (not stated)"),
            @Parameter(name = "population", in = ParameterIn.QUERY, description = "whose images: ADULT, PAEDIATRIC, MIXED"
                    + " or UNKNOWN (not stated)"),
            @Parameter(name = "imageSource", in = ParameterIn.QUERY, description = "where the images come from:"
                    + " HOSPITAL_DICOM, CONVERTED_FROM_DICOM, FROM_PUBLICATIONS, MIXED or UNKNOWN (not stated)"),
            @Parameter(name = "excludePaediatric", in = ParameterIn.QUERY, description = "true: exclude datasets with"
                    + " paediatric controls (population PAEDIATRIC or MIXED, or the participants' risk of bias HIGH)"),
            @Parameter(name = "rtPcrOnly", in = ParameterIn.QUERY, description = "true: only RT-PCR-confirmed labels"
                    + " (referenceStandard RT_PCR)"),
            @Parameter(name = "hospitalImagesOnly", in = ParameterIn.QUERY, description = "true: original hospital images"
                    + " only (imageSource HOSPITAL_DICOM)"),
            @Parameter(name = "sort", in = ParameterIn.QUERY, description = "name (default), provider, updated, relevance (default with q)"),
            @Parameter(name = "page", in = ParameterIn.QUERY, description = "1-based page number"),
            @Parameter(name = "size", in = ParameterIn.QUERY, description = "page size, 1 to 100, default 25") })
    @APIResponse(responseCode = "200", description = "{\"page\", \"size\", \"total\", \"totalExact\", \"facetsExact\","
            + " \"facets\", \"items\": [resource]}; a text search counts up to 500 matches: past that, total is 500 and"
            + " totalExact is false. facets: for the whole query (not only the page), how many matches have each value:"
            + " {\"ct\": {\"Y\": 12, \"N\": 7, \"U\": 1}, \"xray\", \"mri\", \"ultrasound\", \"metadata\", \"caseReview\""
            + " likewise, \"access\": {\"OPEN\": n, \"REGISTRATION\": n, \"APPLICATION\": n, \"UNKNOWN\": n},"
            + " \"license\": [{\"value\": \"CC-BY-4.0\", \"count\": n}, ...]} (every value listed, zero included; the 20"
            + " most common licences, licences compared ignoring case, value null for entries that state none);"
            + " facetsExact is false when a text search has more matches than it counts: each count is then taken"
            + " among the first 500 matches, a lower bound")
    @APIResponse(responseCode = "400", description = "an unknown query parameter or a bad value, named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        CatalogQuery query = QueryParameters.parse(uri, answers, CatalogQuery.Route.LIST);
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            ResultPage result = catalog.page(query);
            StringBuilder json = new StringBuilder(1024 + result.entries().size() * 1024);
            json.append("{\"page\":").append(query.page()).append(",\"size\":").append(query.size())
                    .append(",\"total\":").append(result.total()).append(",\"totalExact\":").append(result.totalExact())
                    .append(",\"facetsExact\":").append(result.facets().exact())
                    .append(",\"facets\":").append(facets(result.facets()))
                    .append(",\"items\":[");
            Map<String, LinkHealth> links = catalog.links(result.entries().stream().map(e -> e.resource().id()).toList());
            json.append(String.join(",", result.entries().stream()
                    .map(e -> e.publicJson(links.getOrDefault(e.resource().id(), LinkHealth.UNKNOWN))).toList()));
            return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        });
    }

    /** The facet counts as JSON: each flag and the access by value (zero included), the licences as a list. */
    private static String facets(Facets facets) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Flag flag : Flag.values()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Availability value : Availability.values()) {
                counts.put(value.code(), facets.count(flag, value));
            }
            body.put(flag.param(), counts);
        }
        Map<String, Long> access = new LinkedHashMap<>();
        facets.access().forEach((value, count) -> access.put(value.name(), count));
        body.put("access", access);
        List<Map<String, Object>> licenses = new ArrayList<>();
        for (Facets.LicenseCount license : facets.licenses()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("value", license.value());
            item.put("count", license.count());
            licenses.add(item);
        }
        body.put("license", licenses);
        try {
            return EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One resource, listed or withdrawn, at its newest version")
    @APIResponse(responseCode = "200", description = "the resource (as in the list's items), with what the read side"
            + " adds: licenseSpdx, the SPDX id or expression the stated licence maps to, or null; link, the latest"
            + " check of its address: {\"status\": OK | REDIRECTED | BROKEN | CHANGED | UNCHECKED, \"checkedAt\","
            + " \"httpStatus\", \"movedTo\" (a moved link's new address)}, only the status UNCHECKED when no check is known")
    @APIResponse(responseCode = "404", description = "no such resource",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response one(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON,
                () -> find(id, uri).publicJson(catalog.link(id)).getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "The public change log of a resource, newest version first")
    @APIResponse(responseCode = "404", description = "no such resource",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response history(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            find(id, uri);
            List<Map<String, Object>> versions = catalog.history(id).stream().map(CatalogApi::version).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("versions", versions);
            try {
                return EventJson.mapper().writeValueAsBytes(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @GET
    @Path("{id}/lineage")
    @Operation(summary = "The entry's lineage: its ancestors and descendants, at any depth, as nodes and edges")
    @APIResponse(responseCode = "200", description = "{\"id\", \"nodes\": [{\"id\", \"external\"}], \"edges\":"
            + " [{\"from\", \"type\", \"to\"}]}: the entry first; a node is a catalog id, or the address or DOI of"
            + " a source outside the catalog (external: true); each edge points from the derivative or part to its"
            + " source (type IsDerivedFrom, IsPartOf or IsIdenticalTo, whichever side stated it)")
    @APIResponse(responseCode = "400", description = "any query parameter: this address takes none",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "no such resource",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response lineage(@PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParameters.none(uri, answers);
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            CatalogReader.EntryLineage lineage = catalog.lineage(id).orElseThrow(() -> notFound(id, uri));
            try {
                return EventJson.mapper().writeValueAsBytes(lineage.view());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Entry find(String id, UriInfo uri) {
        return catalog.entry(id).orElseThrow(() -> notFound(id, uri));
    }

    private WebApplicationException notFound(String id, UriInfo uri) {
        return new WebApplicationException(answers.answer(uri.getPath(), "not-found", 404, "Not found",
                "There is no resource with the id \"" + id + "\".").build());
    }

    private static Map<String, Object> version(Change change) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("version", change.version());
        version.put("status", change.status());
        version.put("publishedAt", change.publishedAt().toString());
        version.put("summary", change.summary());
        version.put("changedFields", change.changedFields());
        version.put("reason", change.reason());
        return version;
    }
}
