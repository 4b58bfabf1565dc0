package org.imagingcatalog.publicweb.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.lineage.LineageEdge;
import org.imagingcatalog.model.lineage.LineageNode;
import org.imagingcatalog.model.lineage.LineageView;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.Urls;
import org.imagingcatalog.publicweb.catalog.Links;
import org.imagingcatalog.publicweb.reading.CatalogGraph;
import org.imagingcatalog.publicweb.reading.CatalogReader.EntryLineage;
import org.imagingcatalog.publicweb.web.TrustView.Fact;
import org.imagingcatalog.publicweb.web.TrustView.IdRow;
import org.imagingcatalog.publicweb.web.TrustView.Ref;
import org.imagingcatalog.publicweb.web.TrustView.RelationRow;
import org.imagingcatalog.publicweb.web.TrustView.RiskRow;

/** Builds the trust section of a resource page from the entry and its lineage. */
final class TrustViews {

    static final String OUTSIDE = "outside the catalog";

    private TrustViews() {
    }

    static TrustView of(Resource r, Optional<EntryLineage> lineage) {
        List<Ref> sources = List.of();
        List<Ref> further = List.of();
        List<Ref> derived = List.of();
        List<Ref> derivedFurther = List.of();
        List<Ref> identical = List.of();
        String svg = null;
        if (lineage.isPresent() && !lineage.get().view().edges().isEmpty()) {
            LineageView view = lineage.get().view();
            CatalogGraph graph = lineage.get().graph();
            Map<String, Ref> refs = new HashMap<>();
            for (LineageNode node : view.nodes()) {
                refs.put(node.id(), ref(node, graph, null, null));
            }
            List<List<Ref>> up = walk(view, refs, true);
            List<List<Ref>> down = walk(view, refs, false);
            sources = up.get(0);
            further = up.get(1);
            derived = down.get(0);
            derivedFurther = down.get(1);
            identical = view.edges().stream().filter(e -> e.type() == RelationType.IS_IDENTICAL_TO)
                    .map(e -> e.from().equals(r.id()) ? e.to() : e.to().equals(r.id()) ? e.from() : null)
                    .filter(id -> id != null).distinct().map(refs::get).toList();
            svg = LineageDrawing.svg(view, nodes(view, graph, r.id()), "Lineage of " + r.name(),
                    description(view, graph, r.name()));
        }
        return new TrustView(svg, sources, further, derived, derivedFurther, identical, facts(r), risks(r),
                !r.riskOfBias().isUnassessed(), identifiers(r), relations(r, lineage.map(EntryLineage::graph)),
                "/overlap?ids=" + URLEncoder.encode(r.id(), StandardCharsets.UTF_8));
    }

    /**
     * The datasets reached from the entry going up (its sources) or down (what is built from it), breadth first:
     * [0] those one step away, with the relation as the nearer side states it, [1] those further away, each with
     * the dataset it is reached through.
     */
    private static List<List<Ref>> walk(LineageView view, Map<String, Ref> refs, boolean up) {
        Map<String, List<LineageEdge>> steps = new HashMap<>();
        for (LineageEdge edge : view.edges()) {
            if (edge.type() == RelationType.IS_IDENTICAL_TO) {
                continue;
            }
            steps.computeIfAbsent(up ? edge.from() : edge.to(), k -> new ArrayList<>()).add(edge);
        }
        Map<String, String> reachedFrom = new LinkedHashMap<>();
        Map<String, LineageEdge> reachedBy = new HashMap<>();
        reachedFrom.put(view.id(), null);
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(view.id()));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (LineageEdge edge : steps.getOrDefault(node, List.of())) {
                String next = up ? edge.to() : edge.from();
                if (!reachedFrom.containsKey(next)) {
                    reachedFrom.put(next, node);
                    reachedBy.put(next, edge);
                    queue.add(next);
                }
            }
        }
        List<Ref> near = new ArrayList<>();
        List<Ref> far = new ArrayList<>();
        reachedFrom.forEach((node, from) -> {
            if (from == null || !refs.containsKey(node)) {
                return;
            }
            Ref ref = refs.get(node);
            String relation = phrase(reachedBy.get(node).type(), up);
            if (from.equals(view.id())) {
                near.add(new Ref(ref.label(), ref.url(), ref.kind(), relation, null));
            } else {
                far.add(new Ref(ref.label(), ref.url(), ref.kind(), relation, refs.get(from)));
            }
        });
        near.sort(READING_ORDER);
        far.sort(READING_ORDER);
        return List.of(near, far);
    }

    /** Catalog entries first, then outside sources, each by name ignoring case. */
    private static final Comparator<Ref> READING_ORDER = Comparator.comparing((Ref ref) -> OUTSIDE.equals(ref.kind()))
            .thenComparing(Ref::label, String.CASE_INSENSITIVE_ORDER).thenComparing(Ref::label);

    /** What a part-of step says beside the name; nothing for a derivation, the list's heading says it. */
    private static String phrase(RelationType type, boolean up) {
        if (type != RelationType.IS_PART_OF) {
            return null;
        }
        return up ? "a part of it" : "it is a part of this one";
    }

    private static Ref ref(LineageNode node, CatalogGraph graph, String relation, Ref through) {
        Optional<CatalogGraph.Known> entry = node.external() ? Optional.empty() : graph.entry(node.id());
        if (entry.isPresent()) {
            return new Ref(entry.get().name(), "/resources/" + URLEncoder.encode(node.id(), StandardCharsets.UTF_8),
                    entry.get().withdrawn() ? "withdrawn from the catalog" : "in the catalog", relation, through);
        }
        return new Ref(shortAddress(node.id()), Links.ofSource(node.id()).orElse(null), OUTSIDE, relation, through);
    }

    private static Map<String, LineageDrawing.Node> nodes(LineageView view, CatalogGraph graph, String self) {
        Map<String, LineageDrawing.Node> nodes = new HashMap<>();
        for (LineageNode node : view.nodes()) {
            Optional<CatalogGraph.Known> entry = node.external() ? Optional.empty() : graph.entry(node.id());
            boolean isSelf = node.id().equals(self);
            String label = entry.map(CatalogGraph.Known::name).orElseGet(() -> shortAddress(node.id()));
            String kind = isSelf ? "this dataset" : entry.isEmpty() ? OUTSIDE
                    : entry.get().withdrawn() ? "withdrawn from the catalog" : "in the catalog";
            nodes.put(node.id(), new LineageDrawing.Node(node.id(), label, kind, isSelf, entry.isEmpty()));
        }
        return nodes;
    }

    /** {@code github.com/owner/repo} for {@code https://www.github.com/owner/repo/}. */
    static String shortAddress(String address) {
        return Urls.isHttpUrl(address) ? address.replaceFirst("(?i)^https?://(www\\.)?", "").replaceFirst("/$", "")
                : address;
    }

    /** The drawing's description: how to read it, then every edge as a sentence. */
    private static String description(LineageView view, CatalogGraph graph, String name) {
        Map<String, List<String>> builtFrom = new LinkedHashMap<>();
        Map<String, List<String>> partOf = new LinkedHashMap<>();
        List<String> identical = new ArrayList<>();
        for (LineageEdge edge : view.edges()) {
            String from = label(edge.from(), graph);
            String to = label(edge.to(), graph);
            switch (edge.type()) {
                case IS_PART_OF -> partOf.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
                case IS_IDENTICAL_TO -> identical.add(from + " is identical to " + to + ".");
                default -> builtFrom.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
            }
        }
        StringBuilder desc = new StringBuilder("The datasets ").append(name)
                .append(" is built from are drawn above it, those built from it below; each arrow points from a"
                        + " source to a dataset built from it (dashed: built from part of it).");
        builtFrom.forEach((from, to) -> desc.append(' ').append(from).append(" is built from ").append(and(to)).append('.'));
        partOf.forEach((from, to) -> desc.append(' ').append(from).append(" is part of ").append(and(to)).append('.'));
        identical.forEach(sentence -> desc.append(' ').append(sentence));
        return desc.toString();
    }

    private static String label(String id, CatalogGraph graph) {
        return graph.entry(id).map(CatalogGraph.Known::name).orElseGet(() -> shortAddress(id));
    }

    /** "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static List<Fact> facts(Resource r) {
        return List.of(
                fact(r, "referenceStandard", "Label source (reference standard)", r.referenceStandard().label(),
                        r.referenceStandard().name(), "How the labels (COVID-19 or not, findings) were established."),
                fact(r, "population", "Population", r.population().label(), r.population().name(),
                        "Whose images: adults, children or both. Children's images as controls for adult cases"
                                + " teach a model age, not disease."),
                fact(r, "imageSource", "Image source", r.imageSource().label(), r.imageSource().name(),
                        "Where the images come from: images taken from papers or web pages lose the original signal."));
    }

    private static Fact fact(Resource r, String field, String label, String value, String constant, String help) {
        boolean stated = !constant.equals("UNKNOWN");
        Provenance provenance = r.provenance().get(field);
        String verified = null;
        String source = null;
        String url = null;
        if (provenance != null) {
            verified = "verified on " + provenance.verifiedOn()
                    + (provenance.verifiedBy() == null ? "" : " by " + provenance.verifiedBy());
            source = provenance.source();
            url = Urls.isHttpUrl(source) ? source : null;
        }
        return new Fact(field, label, capitalised(value), stated, help, verified, source, url);
    }

    private static final Map<RiskDomain, String> QUESTIONS = Map.of(
            RiskDomain.PARTICIPANTS, "Are the people whose images it holds the people a model will be used on?",
            RiskDomain.REFERENCE_STANDARD, "Were the labels set by a test that can be trusted?",
            RiskDomain.IMAGES, "Are the images as the scanner made them?",
            RiskDomain.COMPOSITION, "Does it mix sources that share patients or images?");

    private static List<RiskRow> risks(Resource r) {
        List<RiskRow> rows = new ArrayList<>();
        for (RiskDomain domain : RiskDomain.values()) {
            RiskJudgement judgement = r.riskOfBias().get(domain);
            if (judgement == null || judgement.risk() == null) {
                rows.add(new RiskRow(capitalised(domain.label()), QUESTIONS.get(domain), "NONE", "Not assessed",
                        "Not assessed: no stated fact settles it yet."));
            } else {
                rows.add(new RiskRow(capitalised(domain.label()), QUESTIONS.get(domain), judgement.risk().name(),
                        capitalised(judgement.risk().name().toLowerCase(Locale.ROOT)),
                        judgement.reason() == null ? "No reason stated." : judgement.reason()));
            }
        }
        return rows;
    }

    private static final Map<IdentifierScheme, String> SCHEMES = Map.of(IdentifierScheme.DOI, "DOI",
            IdentifierScheme.TCIA, "TCIA collection", IdentifierScheme.ZENODO, "Zenodo record",
            IdentifierScheme.KAGGLE, "Kaggle", IdentifierScheme.GITHUB, "GitHub", IdentifierScheme.HUGGINGFACE,
            "Hugging Face", IdentifierScheme.PHYSIONET, "PhysioNet", IdentifierScheme.ARXIV, "arXiv",
            IdentifierScheme.PMID, "PubMed", IdentifierScheme.URL, "Web address");

    private static List<IdRow> identifiers(Resource r) {
        return r.identifiers().stream().map(i -> new IdRow(SCHEMES.getOrDefault(i.scheme(), i.scheme().key()),
                i.value(), Links.of(i).orElse(null))).toList();
    }

    private static List<RelationRow> relations(Resource r, Optional<CatalogGraph> graph) {
        List<RelationRow> rows = new ArrayList<>();
        r.relations().forEach(relation -> {
            String target = relation.target();
            Optional<CatalogGraph.Known> entry = graph.flatMap(g -> g.entry(target));
            String label = entry.map(CatalogGraph.Known::name).orElse(target);
            String url = entry.isPresent() ? "/resources/" + URLEncoder.encode(target, StandardCharsets.UTF_8)
                    : Links.ofSource(target).orElse(null);
            rows.add(new RelationRow(words(relation.type()), label, url, relation.note()));
        });
        return rows;
    }

    /** "is derived from" for IsDerivedFrom. */
    static String words(RelationType type) {
        return type.dataCite().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    static String capitalised(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
