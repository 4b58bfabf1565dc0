package org.imagingcatalog.publicweb.export;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Urls;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Links;
import org.imagingcatalog.publicweb.reading.CatalogGraph;

/**
 * The catalog as DCAT-AP 3: one {@code dcat:Catalog} and one {@code dcat:Dataset} per exported entry, written as a
 * stream of triples in one pass over the entries (never one graph of the whole catalog, so a cursor over the read
 * model can feed it), in Turtle by Jena's streaming writer or in RDF/XML by {@link RdfXmlStream}. A dataset is
 * named by its public page; what it holds is offered as one {@code dcat:Distribution} per stated format, each at
 * the provider's address; what it is built from directly is {@code prov:wasDerivedFrom} and {@code dct:source}
 * (other entries by their dataset IRI, outside sources by their address or DOI link). Structural nodes are IRIs
 * under the dataset's page ({@code #distribution-1}, {@code #publisher}, {@code #identifier-1}): the only blank
 * nodes are licences on no SPDX list, so the Turtle writer's table of blank node labels grows only with those.
 */
public final class DcatCatalog {

    /** Where the catalog is published and what it says about its own metadata. */
    public record Publication(String base, String name, String description, String metadataLicense,
            Function<String, Optional<String>> spdxId) {
    }

    private static final String EN = "en";

    private final Publication publication;
    private final CatalogGraph graph;
    private final StreamRDF out;
    /** Licence documents already typed: a handful of SPDX IRIs, whatever the size of the catalog. */
    private final Set<String> typedLicenses = new HashSet<>();

    private DcatCatalog(Publication publication, CatalogGraph graph, StreamRDF out) {
        this.publication = publication;
        this.graph = graph;
        this.out = out;
    }

    public static void turtle(Iterable<Entry> entries, CatalogGraph graph, Publication publication, OutputStream to) {
        write(entries, graph, publication, StreamRDFWriter.getWriterStream(to, RDFFormat.TURTLE_BLOCKS));
    }

    public static void rdfXml(Iterable<Entry> entries, CatalogGraph graph, Publication publication, OutputStream to) {
        write(entries, graph, publication, new RdfXmlStream(to));
    }

    /**
     * The same triples into any stream, in one pass over the entries: each dataset follows the catalog's
     * {@code dcat:dataset} link to it, and the catalog's {@code dct:modified} (its newest entry) comes last.
     */
    static void write(Iterable<Entry> entries, CatalogGraph graph, Publication publication, StreamRDF stream) {
        stream.start();
        Dcat.PREFIXES.forEach(stream::prefix);
        DcatCatalog catalog = new DcatCatalog(publication, graph, stream);
        catalog.catalog();
        Instant newest = null;
        for (Entry entry : entries) {
            catalog.triple(catalog.catalogNode(), Dcat.DATASET_PROPERTY, catalog.dataset(entry.resource().id()));
            catalog.dataset(entry);
            newest = newest == null || entry.updatedAt().isAfter(newest) ? entry.updatedAt() : newest;
        }
        if (newest != null) {
            catalog.triple(catalog.catalogNode(), Dcat.MODIFIED, dateTime(newest));
        }
        stream.finish();
    }

    private Node catalogNode() {
        return Dcat.iri(publication.base() + "/#catalog");
    }

    private void catalog() {
        Node catalog = catalogNode();
        Node homepage = Dcat.iri(publication.base() + "/");
        Node publisher = Dcat.iri(publication.base() + "/#publisher");
        Optional<String> metadataLicense = publication.spdxId().apply(publication.metadataLicense());
        triple(catalog, Dcat.TYPE, Dcat.CATALOG);
        triple(catalog, Dcat.TITLE, text(publication.name()));
        triple(catalog, Dcat.DESCRIPTION, text(publication.description()));
        triple(catalog, Dcat.PUBLISHER, publisher);
        triple(catalog, Dcat.HOMEPAGE, homepage);
        triple(catalog, Dcat.LANGUAGE, Dcat.ENGLISH);
        triple(catalog, Dcat.THEME_TAXONOMY, Dcat.DATA_THEMES);
        metadataLicense.ifPresent(id -> triple(catalog, Dcat.LICENSE, spdxLicense(id)));
        triple(homepage, Dcat.TYPE, Dcat.DOCUMENT);
        triple(publisher, Dcat.TYPE, Dcat.AGENT);
        triple(publisher, Dcat.NAME, NodeFactory.createLiteralString(publication.name()));
        metadataLicense.ifPresent(this::typeOnce);
    }

    /** The dataset's own triples first, then those of the nodes it names, each subject in one block. */
    private void dataset(Entry entry) {
        Resource r = entry.resource();
        Node dataset = dataset(r.id());
        String page = dataset.getURI();
        Optional<Node> landingPage = web(r.url());
        Node publisher = r.provider() == null || r.provider().isBlank() ? null : Dcat.iri(page + "#publisher");
        Optional<String> spdx = r.license() == null || r.license().isBlank() ? Optional.empty()
                : publication.spdxId().apply(r.license());
        // a licence on no SPDX list is a blank node labelled by its dataset, not at random: the same export gives the
        // same bytes every time (a release's exports must never change)
        Node license = r.license() == null || r.license().isBlank() ? null
                : spdx.map(DcatCatalog::spdxLicense).orElseGet(() -> NodeFactory.createBlankNode("license-" + r.id()));
        List<String> formats = r.formats().isEmpty() ? Collections.singletonList(null) : r.formats();

        triple(dataset, Dcat.TYPE, Dcat.DATASET);
        triple(dataset, Dcat.TITLE, text(r.name()));
        triple(dataset, Dcat.DESCRIPTION, text(r.description() != null && !r.description().isBlank()
                ? r.description() : EntryTexts.summary(r)));
        triple(dataset, Dcat.IDENTIFIER, NodeFactory.createLiteralString(r.id()));
        landingPage.ifPresent(url -> triple(dataset, Dcat.LANDING_PAGE, url));
        if (publisher != null) {
            triple(dataset, Dcat.PUBLISHER, publisher);
        }
        triple(dataset, Dcat.MODIFIED, dateTime(entry.updatedAt()));
        for (String keyword : EntryTexts.keywords(r)) {
            triple(dataset, Dcat.KEYWORD, text(keyword));
        }
        triple(dataset, Dcat.THEME, Dcat.HEALTH);
        accessRights(r.access()).ifPresent(rights -> triple(dataset, Dcat.ACCESS_RIGHTS, rights));
        if (r.version() != null) {
            triple(dataset, Dcat.VERSION, NodeFactory.createLiteralString(r.version().toString()));
            triple(dataset, Dcat.VERSION_INFO, NodeFactory.createLiteralString(r.version().toString()));
        }
        if (entry.reason() != null && !entry.reason().isBlank()) {
            triple(dataset, Dcat.VERSION_NOTES, text(entry.reason()));
        }
        lineage(dataset, r);
        for (int i = 0; i < r.identifiers().size(); i++) {
            triple(dataset, Dcat.ADMS_IDENTIFIER, Dcat.iri(page + "#identifier-" + (i + 1)));
        }
        for (int i = 0; i < formats.size(); i++) {
            triple(dataset, Dcat.DISTRIBUTION_PROPERTY, distribution(page, formats, i));
        }

        landingPage.ifPresent(url -> triple(url, Dcat.TYPE, Dcat.DOCUMENT));
        if (publisher != null) {
            triple(publisher, Dcat.TYPE, Dcat.AGENT);
            triple(publisher, Dcat.NAME, NodeFactory.createLiteralString(r.provider()));
        }
        for (int i = 0; i < r.identifiers().size(); i++) {
            Identifier identifier = r.identifiers().get(i);
            Node node = Dcat.iri(page + "#identifier-" + (i + 1));
            triple(node, Dcat.TYPE, Dcat.IDENTIFIER_CLASS);
            triple(node, Dcat.NOTATION, NodeFactory.createLiteralString(identifier.value()));
            triple(node, Dcat.SCHEME_AGENCY, NodeFactory.createLiteralString(identifier.scheme().key()));
        }
        for (int i = 0; i < formats.size(); i++) {
            // DCAT-AP requires an access URL: where the provider's address is none, the entry's page, which names it
            distribution(distribution(page, formats, i), formats.get(i), r, landingPage.orElse(dataset), license);
        }
        if (license != null && license.isBlank()) {
            triple(license, Dcat.TYPE, Dcat.LICENSE_DOCUMENT);
            triple(license, Dcat.LABEL, NodeFactory.createLiteralString(r.license()));
        }
        spdx.ifPresent(this::typeOnce);
    }

    /** {@code #distribution-N} per stated format, or one {@code #distribution} when none is stated. */
    private static Node distribution(String page, List<String> formats, int index) {
        return Dcat.iri(page + (formats.get(index) == null ? "#distribution" : "#distribution-" + (index + 1)));
    }

    private void distribution(Node distribution, String format, Resource r, Node accessUrl, Node license) {
        DataFormats.Known known = format == null ? null : DataFormats.of(format);
        Node extent = known == null ? null : known.euFileType() != null
                ? Dcat.iri(Dcat.EU_AUTHORITY + "file-type/" + known.euFileType())
                : Dcat.iri(distribution.getURI() + "-format");
        triple(distribution, Dcat.TYPE, Dcat.DISTRIBUTION);
        triple(distribution, Dcat.ACCESS_URL, accessUrl);
        String access = "Access: " + r.access().label() + ".";
        triple(distribution, Dcat.DESCRIPTION, text(format == null ? "The data, at the provider's address. " + access
                : format + " files, at the provider's address. " + access));
        if (extent != null) {
            triple(distribution, Dcat.FORMAT, extent);
        }
        if (known != null && known.mediaType() != null) {
            triple(distribution, Dcat.MEDIA_TYPE, Dcat.iri(Dcat.IANA_MEDIA_TYPES + known.mediaType()));
        }
        if (license != null) {
            triple(distribution, Dcat.LICENSE, license);
        }
        if (known != null && known.euFileType() == null) {
            triple(extent, Dcat.TYPE, Dcat.MEDIA_TYPE_OR_EXTENT);
            triple(extent, Dcat.LABEL, NodeFactory.createLiteralString(format));
        }
    }

    /**
     * What the entry is built from directly (lineage, as the catalog's graph has it: stated by either side) as
     * {@code prov:wasDerivedFrom} and {@code dct:source}; its other stated relations with the Dublin Core term that
     * says the same, else {@code dct:relation}.
     */
    private void lineage(Node dataset, Resource r) {
        Set<Node> sources = new LinkedHashSet<>();
        for (String source : graph == null ? List.<String> of() : graph.sources(r.id())) {
            target(source).ifPresent(sources::add);
        }
        for (Node source : sources) {
            triple(dataset, Dcat.WAS_DERIVED_FROM, source);
            triple(dataset, Dcat.SOURCE, source);
        }
        for (Relation relation : r.relations()) {
            Node property = relationProperty(relation.type());
            if (property == null) {
                continue;
            }
            target(relation.target()).ifPresent(target -> triple(dataset, property, target));
        }
    }

    /** The Dublin Core term for a stated relation; null for the lineage ones written as sources. */
    private static Node relationProperty(RelationType type) {
        String term = switch (type) {
            case IS_DERIVED_FROM, IS_SOURCE_OF -> null;
            case IS_PART_OF -> "isPartOf";
            case HAS_PART -> "hasPart";
            case IS_VERSION_OF, IS_NEW_VERSION_OF -> "isVersionOf";
            case HAS_VERSION, IS_PREVIOUS_VERSION_OF -> "hasVersion";
            case IS_REFERENCED_BY, IS_CITED_BY -> "isReferencedBy";
            case REFERENCES, CITES -> "references";
            case REQUIRES -> "requires";
            case IS_REQUIRED_BY -> "isRequiredBy";
            case OBSOLETES -> "replaces";
            case IS_OBSOLETED_BY -> "isReplacedBy";
            default -> "relation";
        };
        return term == null ? null : Dcat.iri(Dcat.DCT + term);
    }

    /** A relation's target: another entry by its dataset IRI, an outside source by its address or DOI link. */
    private Optional<Node> target(String target) {
        if (graph != null && graph.entry(target).isPresent()) {
            return Optional.of(dataset(target));
        }
        return Links.ofSource(target).flatMap(DcatCatalog::web);
    }

    private static Node spdxLicense(String id) {
        return Dcat.iri(Dcat.SPDX_LICENSES + id);
    }

    /** Types an SPDX licence as a licence document the first time the export names it. */
    private void typeOnce(String id) {
        if (typedLicenses.add(id)) {
            triple(spdxLicense(id), Dcat.TYPE, Dcat.LICENSE_DOCUMENT);
        }
    }

    private static Optional<Node> accessRights(Access access) {
        return switch (access) {
            case OPEN -> Optional.of(Dcat.PUBLIC);
            case REGISTRATION, APPLICATION -> Optional.of(Dcat.RESTRICTED);
            case UNKNOWN -> Optional.empty();
        };
    }

    private Node dataset(String id) {
        return Dcat.iri(publication.base() + "/resources/" + id);
    }

    /**
     * An http(s) address as an IRI, the characters an IRI may not hold ({@code <>"{}|\^`}, spaces) percent-encoded;
     * empty for anything that is no web address even then.
     */
    private static Optional<Node> web(String url) {
        if (url == null) {
            return Optional.empty();
        }
        StringBuilder iri = new StringBuilder(url.length());
        for (char c : url.toCharArray()) {
            if (c <= 0x20 || c == 0x7f || "<>\"{}|\\^`".indexOf(c) >= 0) {
                iri.append('%').append(String.format("%02X", (int) c));
            } else {
                iri.append(c);
            }
        }
        return Urls.isHttpUrl(iri.toString()) ? Optional.of(Dcat.iri(iri.toString())) : Optional.empty();
    }

    private static Node text(String text) {
        return NodeFactory.createLiteralLang(text, EN);
    }

    private static Node dateTime(Instant instant) {
        return NodeFactory.createLiteralDT(instant.toString(), XSDDatatype.XSDdateTime);
    }

    private void triple(Node subject, Node predicate, Node object) {
        out.triple(Triple.create(subject, predicate, object));
    }
}
