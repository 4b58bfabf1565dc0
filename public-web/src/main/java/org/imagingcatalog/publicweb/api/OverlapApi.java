package org.imagingcatalog.publicweb.api;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.lineage.OverlapReport;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.reading.OverlapQuery;
import org.imagingcatalog.publicweb.reading.UnknownEntriesException;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Whether catalog entries may share images: the overlap check for programs (the page is {@code /overlap}). */
@Path("/api/v1/overlap")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lineage")
public class OverlapApi {

    private final CatalogReader catalog;
    private final Responses responses;
    private final ErrorAnswers answers;

    public OverlapApi(CatalogReader catalog, Responses responses, ErrorAnswers answers) {
        this.catalog = catalog;
        this.responses = responses;
        this.answers = answers;
    }

    @GET
    @Operation(summary = "Whether the listed entries may share images, pair by pair, and through which path")
    @Parameter(name = "ids", in = ParameterIn.QUERY, required = true, description = "2 to 20 catalog ids, comma-separated"
            + " (ids=a,b,c) or repeated (ids=a&ids=b); listed or withdrawn entries")
    @APIResponse(responseCode = "200", description = "{\"independent\": false, \"pairs\": [{\"a\", \"b\", \"shared\":"
            + " [the nearest sources both are built from; b itself when a is built from b], \"path\": [a, relationType,"
            + " node, ..., b]}]}: two entries overlap when one is built from the other or both from a common source"
            + " (an entry or an outside source), at any depth; independent when no pair does")
    @APIResponse(responseCode = "400", description = "fewer than 2 or more than 20 ids, a control character, or a"
            + " parameter other than ids",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "ids that name no entry, each in errors and in unknownIds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response overlap(@Context UriInfo uri, @Context HttpHeaders headers) {
        OverlapQuery query = QueryParameters.parse(uri, answers,
                params -> OverlapQuery.parse(params, OverlapQuery.API_PARAMETERS).requireEnough());
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            OverlapReport report;
            try {
                report = catalog.overlap(query).report();
            } catch (UnknownEntriesException e) {
                throw QueryParameters.unknown(uri, answers, e);
            }
            try {
                return EventJson.mapper().writeValueAsBytes(report);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
