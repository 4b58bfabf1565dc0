package org.imagingcatalog.publicweb.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagingcatalog.kit.web.ErrorAnswers;
import org.imagingcatalog.kit.web.Problem;
import org.imagingcatalog.model.Text;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.releases.ReleaseDiff;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.export.DataCiteXml;
import org.imagingcatalog.publicweb.export.ReleaseCitation;
import org.imagingcatalog.publicweb.releases.Release;
import org.imagingcatalog.publicweb.releases.ReleaseExport;
import org.imagingcatalog.publicweb.releases.Releases;
import org.imagingcatalog.publicweb.web.SiteConfig;

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

/**
 * The named releases of the catalog, read-only and public: the list, one release with its citation, its exports and
 * what changed since the previous one, the changes between any two, and its DataCite metadata. A release is shown
 * once every part of it has arrived. No route takes a query parameter (400 naming it); a name no release has, or
 * could have, is 404.
 */
@Path("/api/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Releases", description = "Named, immutable releases of the whole catalog, cut by the curators")
@APIResponse(responseCode = "400", description = "any query parameter: these addresses take none",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReleasesApi {

    private final Releases releases;
    private final Responses responses;
    private final SiteConfig site;
    private final ErrorAnswers answers;

    /** The SPDX id of the licence the catalog's own metadata is published under (as in the DCAT-AP export). */
    @ConfigProperty(name = "catalog.dcat.metadata-license", defaultValue = "CC0-1.0")
    String metadataLicense;

    public ReleasesApi(Releases releases, Responses responses, SiteConfig site, ErrorAnswers answers) {
        this.releases = releases;
        this.responses = responses;
        this.site = site;
        this.answers = answers;
    }

    @GET
    @Operation(summary = "The complete releases, newest first")
    @APIResponse(responseCode = "200", description = "{\"releases\": [{\"name\", \"notes\", \"cutAt\", \"previous\","
            + " \"entryCount\", \"listedCount\", \"links\": {\"self\", \"page\", \"datacite\", \"diffFromPrevious\"}}]}")
    public Response list(@Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParameters.none(uri, answers);
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            List<Release> all = releases.all();
            Set<String> known = all.stream().map(Release::name).collect(Collectors.toSet());
            return json(Map.of("releases", all.stream().map(r -> summary(r, known.contains(r.previous()))).toList()));
        });
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One release: its header, how to cite it, its exports and what changed since the previous one")
    @APIResponse(responseCode = "200", description = "the list's fields, and \"citation\": {\"text\", \"bibtex\"},"
            + " \"exports\": {\"csv\", \"json\", \"tex\", \"bib\", \"jsonld\", \"ttl\", \"rdf\"} (addresses with"
            + " ?release=), \"changes\": {\"since\", \"added\", \"restored\", \"withdrawn\", \"changed\"} (counts; null"
            + " for the first release, or when the previous one is not known here)")
    @APIResponse(responseCode = "404", description = "no complete release has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response one(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParameters.none(uri, answers);
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            Release release = find(name, uri);
            Release previous = release.previous() == null ? null : releases.find(release.previous()).orElse(null);
            Map<String, Object> body = summary(release, previous != null);
            Map<String, String> citation = new LinkedHashMap<>();
            citation.put("text", ReleaseCitation.text(site.base(), release));
            citation.put("bibtex", ReleaseCitation.bibtex(site.base(), release));
            body.put("citation", citation);
            Map<String, String> exports = new LinkedHashMap<>();
            ReleaseExport.ALL.forEach(export -> exports.put(export.key(), site.base() + export.href(release.name())));
            body.put("exports", exports);
            body.put("changes", previous == null ? null : changes(releases.diff(previous, release)));
            return json(body);
        });
    }

    @GET
    @Path("{from}/diff/{to}")
    @Operation(summary = "What changed for a reader from one release to another: entries added, restored, withdrawn,"
            + " and changed field by field")
    @APIResponse(responseCode = "200", description = "{\"from\", \"to\", \"counts\": {\"added\", \"restored\","
            + " \"withdrawn\", \"changed\"}, \"added\", \"restored\", \"withdrawn\": [{\"id\", \"name\", \"version\"}],"
            + " \"changed\": [{\"id\", \"name\", \"fromVersion\", \"toVersion\", \"changes\": [{\"field\", \"before\","
            + " \"after\"}]}]} (each list by name)")
    @APIResponse(responseCode = "404", description = "no complete release has one of the names",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response diff(@PathParam("from") String from, @PathParam("to") String to, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        QueryParameters.none(uri, answers);
        return responses.serve(uri, headers, MediaType.APPLICATION_JSON, () -> {
            ReleaseDiff diff = releases.diff(find(from, uri), find(to, uri));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("from", diff.from());
            body.put("to", diff.to());
            body.put("counts", counts(diff));
            body.put("added", diff.added());
            body.put("restored", diff.restored());
            body.put("withdrawn", diff.withdrawn());
            body.put("changed", diff.changed());
            return json(body);
        });
    }

    @GET
    @Path("{name}/datacite.xml")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The release in the DataCite Metadata Schema 4.5 (XML), ready to register a DOI: every"
            + " mandatory property but identifier, which is the DOI itself (the release's page is an"
            + " alternateIdentifier of type URL)")
    @APIResponse(responseCode = "200", description = "DataCite XML (namespace http://datacite.org/schema/kernel-4)",
            content = @Content(mediaType = MediaType.APPLICATION_XML))
    @APIResponse(responseCode = "404", description = "no complete release has this name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response datacite(@PathParam("name") String name, @Context UriInfo uri, @Context HttpHeaders headers) {
        QueryParameters.none(uri, answers);
        return responses.serve(uri, headers, DataCiteXml.MEDIA_TYPE,
                () -> DataCiteXml.of(find(name, uri), site.base(), metadataLicense));
    }

    private Release find(String name, UriInfo uri) {
        return releases.find(name).orElseThrow(() -> new WebApplicationException(answers.answer(uri.getPath(),
                "not-found", 404, "Not found", "There is no release named \"" + Text.shorten(name) + "\".").build()));
    }

    private Map<String, Object> summary(Release release, boolean previousKnown) {
        String self = site.base() + "/api/v1/releases/" + release.name();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", self);
        links.put("page", ReleaseCitation.url(site.base(), release));
        links.put("datacite", self + "/datacite.xml");
        links.put("diffFromPrevious", previousKnown
                ? site.base() + "/api/v1/releases/" + release.previous() + "/diff/" + release.name() : null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", release.name());
        body.put("notes", release.notes());
        body.put("cutAt", release.cutAt());
        body.put("previous", release.previous());
        body.put("entryCount", release.entryCount());
        body.put("listedCount", release.listedCount());
        body.put("links", links);
        return body;
    }

    /** The counts of a diff, and which release they are counted from. */
    private static Map<String, Object> changes(ReleaseDiff diff) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("since", diff.from());
        changes.putAll(counts(diff));
        return changes;
    }

    private static Map<String, Object> counts(ReleaseDiff diff) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("added", diff.added().size());
        counts.put("restored", diff.restored().size());
        counts.put("withdrawn", diff.withdrawn().size());
        counts.put("changed", diff.changed().size());
        return counts;
    }

    private static byte[] json(Object body) {
        try {
            return EventJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
