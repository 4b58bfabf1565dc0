package org.imagingcatalog.publicweb.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.imagingcatalog.publicweb.search.RawQuery;
import org.imagingcatalog.model.lineage.OverlapPair;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.publicweb.cache.Responses;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Links;
import org.imagingcatalog.publicweb.reading.CatalogGraph;
import org.imagingcatalog.publicweb.reading.CatalogReader;
import org.imagingcatalog.publicweb.reading.OverlapQuery;
import org.imagingcatalog.publicweb.reading.UnknownEntriesException;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;
import org.imagingcatalog.publicweb.search.ResultPage;
import org.imagingcatalog.publicweb.web.OverlapView.Choice;
import org.imagingcatalog.publicweb.web.OverlapView.NodeRef;
import org.imagingcatalog.publicweb.web.OverlapView.PairView;
import org.imagingcatalog.publicweb.web.OverlapView.Result;
import org.imagingcatalog.publicweb.web.OverlapView.Step;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The overlap check for people: pick datasets (checkboxes, narrowed by a search), and the page says whether they
 * may share images and through which path, in sentences. A GET form, so every answer is a link
 * ({@code /overlap?ids=a&ids=b}); one id is a start (its box is ticked), not an error.
 */
@Path("/overlap")
public class OverlapPage {

    /** How many datasets the form offers at once; a search narrows them. */
    static final int CHOICES = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overlap(OverlapView view);
    }

    private final CatalogReader catalog;
    private final Responses responses;

    public OverlapPage(CatalogReader catalog, Responses responses) {
        this.catalog = catalog;
        this.responses = responses;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response page(@Context UriInfo uri, @Context HttpHeaders headers) {
        Map<String, List<String>> params = RawQuery.parameters(uri);
        OverlapQuery query;
        CatalogQuery choices;
        try {
            query = OverlapQuery.parse(params, OverlapQuery.PAGE_PARAMETERS);
            List<String> q = params.get("q");
            choices = CatalogQuery.parse(q == null ? Map.of("size", List.of(Integer.toString(CHOICES)))
                    : Map.of("q", q, "size", List.of(Integer.toString(CHOICES)), "sort", List.of("name")));
        } catch (BadQueryException e) {
            OverlapView view = new OverlapView(null, List.of(), 0, false, null, null, e.detail(),
                    e.unknownParametersOnly() ? "/overlap" : "#" + e.parameter(), null);
            return Response.status(400).type(CatalogPage.HTML).entity(Templates.overlap(view).render()).build();
        }
        return responses.serve(uri, headers, CatalogPage.HTML,
                () -> Templates.overlap(view(query, choices)).render().getBytes(StandardCharsets.UTF_8));
    }

    private OverlapView view(OverlapQuery query, CatalogQuery choiceQuery) {
        Result result = null;
        String prompt = null;
        CatalogGraph graph;
        try {
            if (query.ids().size() >= OverlapQuery.MIN) {
                CatalogReader.Overlap overlap = catalog.overlap(query);
                graph = overlap.graph();
                result = result(query, overlap, graph);
            } else {
                graph = catalog.graph();
                List<String> unknown = query.ids().stream().filter(id -> !graph.contains(id)).toList();
                if (!unknown.isEmpty() && catalog.entry(unknown.get(0)).isEmpty()) {
                    throw new UnknownEntriesException(unknown);
                }
                prompt = query.ids().isEmpty() ? null : "Pick at least one more dataset to compare with "
                        + graph.entry(query.ids().get(0)).map(CatalogGraph.Known::name).orElse(query.ids().get(0)) + ".";
            }
        } catch (UnknownEntriesException e) {
            OverlapView view = new OverlapView(choiceQuery.q(), choices(query, choiceQuery, catalog.graph()), 0, false,
                    null, null, e.detail(), "#ids", null);
            throw new WebApplicationException(Response.status(404).type(CatalogPage.HTML)
                    .entity(Templates.overlap(view).render()).build());
        }
        ResultPage page = catalog.page(choiceQuery);
        List<Choice> choices = choices(query, page.entries(), graph);
        String api = query.ids().size() >= OverlapQuery.MIN ? "/api/v1/overlap?ids="
                + URLEncoder.encode(String.join(",", query.ids()), StandardCharsets.UTF_8) : null;
        return new OverlapView(choiceQuery.q(), choices, page.total(), page.total() > page.entries().size(), prompt,
                result, null, null, api);
    }

    private List<Choice> choices(OverlapQuery query, CatalogQuery choiceQuery, CatalogGraph graph) {
        return choices(query, catalog.page(choiceQuery).entries(), graph);
    }

    /** The picked datasets first (ticked), then the listed ones the search offers. */
    private static List<Choice> choices(OverlapQuery query, List<Entry> offered, CatalogGraph graph) {
        List<Choice> choices = new ArrayList<>();
        Set<String> picked = new LinkedHashSet<>(query.ids());
        for (String id : picked) {
            Optional<CatalogGraph.Known> known = graph.entry(id);
            if (known.isPresent()) {
                choices.add(new Choice(id, known.get().name(), true,
                        known.get().withdrawn() ? "withdrawn from the catalog" : null));
            }
        }
        for (Entry entry : offered) {
            if (!picked.contains(entry.resource().id())) {
                choices.add(new Choice(entry.resource().id(), entry.resource().name(), false, null));
            }
        }
        return choices;
    }

    private static Result result(OverlapQuery query, CatalogReader.Overlap overlap, CatalogGraph graph) {
        List<NodeRef> compared = query.ids().stream().map(id -> node(id, graph)).toList();
        List<PairView> pairs = new ArrayList<>();
        for (OverlapPair pair : overlap.report().pairs()) {
            String kind = pair.shared().contains(pair.b()) ? "a-from-b"
                    : pair.shared().contains(pair.a()) ? "b-from-a" : "common";
            List<NodeRef> shared = pair.shared().stream().map(id -> node(id, graph)).toList();
            List<Step> path = new ArrayList<>();
            List<String> p = pair.path();
            for (int i = 0; i + 2 < p.size(); i += 2) {
                path.add(new Step(node(p.get(i), graph), words(p.get(i + 1)), node(p.get(i + 2), graph)));
            }
            pairs.add(new PairView(node(pair.a(), graph), node(pair.b(), graph), kind, shared, path));
        }
        Set<String> paired = new java.util.HashSet<>();
        overlap.report().pairs().forEach(pair -> paired.addAll(List.of(pair.a(), pair.b())));
        List<NodeRef> apart = query.ids().stream().filter(id -> !paired.contains(id)).map(id -> node(id, graph)).toList();
        return new Result(overlap.report().independent(), compared, pairs, apart);
    }

    private static NodeRef node(String id, CatalogGraph graph) {
        Optional<CatalogGraph.Known> known = graph.entry(id);
        if (known.isPresent()) {
            return new NodeRef(known.get().name(), "/resources/" + URLEncoder.encode(id, StandardCharsets.UTF_8), false);
        }
        return new NodeRef(TrustViews.shortAddress(id), Links.ofSource(id).orElse(null), true);
    }

    /** A path's relation type in words: "is built from", "is a source of", ... */
    static String words(String dataCite) {
        RelationType type;
        try {
            type = RelationType.parse(dataCite);
        } catch (IllegalArgumentException e) {
            return dataCite;
        }
        return switch (type) {
            case IS_DERIVED_FROM -> "is built from";
            case IS_SOURCE_OF -> "is a source of";
            case IS_PART_OF -> "is part of";
            case HAS_PART -> "has as a part";
            case IS_IDENTICAL_TO -> "is identical to";
            default -> TrustViews.words(type);
        };
    }
}
