package org.imagingcatalog.publicweb.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Links;
import org.imagingcatalog.publicweb.reading.CatalogGraph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * schema.org descriptions of the catalog ({@code DataCatalog}) and its entries ({@code Dataset}). A dataset's
 * {@code isBasedOn} lists what it is built from directly: catalog entries by their public page (their {@code @id}),
 * sources outside the catalog by their address or DOI link; its {@code identifier} is its catalog id followed by
 * a {@code PropertyValue} per identifier ({@code propertyID} the scheme, e.g. {@code doi}, {@code value}, and
 * {@code url} where the registry has a page for it).
 */
public final class SchemaOrg {

    public static final String CATALOG_NAME = "Imaging Data Catalog";

    private SchemaOrg() {
    }

    /**
     * The catalog as a schema.org DataCatalog, written to {@code to} a dataset at a time as the entries come;
     * {@code more} (a release's version and date) follows the datasets.
     */
    public static void catalog(Iterable<Entry> entries, String base, CatalogGraph graph, Map<String, String> more,
            OutputStream to) {
        try (JsonGenerator json = EventJson.mapper().createGenerator(to)) {
            json.writeStartObject();
            json.writeStringField("@context", "https://schema.org");
            json.writeStringField("@type", "DataCatalog");
            json.writeStringField("@id", base + "/");
            json.writeStringField("name", CATALOG_NAME);
            json.writeStringField("description", "A curated catalog of public medical imaging data resources.");
            json.writeStringField("url", base + "/");
            json.writeArrayFieldStart("dataset");
            for (Entry entry : entries) {
                EventJson.mapper().writeTree(json, dataset(entry, base, graph));
            }
            json.writeEndArray();
            for (Map.Entry<String, String> field : more.entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON-LD", e);
        }
    }

    /** The JSON-LD block of one resource page, with its context and the catalog it belongs to. */
    public static ObjectNode page(Entry entry, String base, CatalogGraph graph) {
        ObjectNode page = EventJson.mapper().createObjectNode();
        page.put("@context", "https://schema.org");
        page.setAll(dataset(entry, base, graph));
        ObjectNode catalog = page.putObject("includedInDataCatalog");
        catalog.put("@type", "DataCatalog");
        catalog.put("name", CATALOG_NAME);
        catalog.put("url", base + "/");
        return page;
    }

    /** {@code graph}: the catalog's lineage, for {@code isBasedOn}. */
    public static ObjectNode dataset(Entry entry, String base, CatalogGraph graph) {
        Resource r = entry.resource();
        ObjectNode dataset = EventJson.mapper().createObjectNode();
        dataset.put("@type", "Dataset");
        dataset.put("@id", pageOf(base, r.id()));
        ArrayNode identifiers = dataset.putArray("identifier");
        identifiers.add(r.id());
        for (Identifier identifier : r.identifiers()) {
            ObjectNode value = identifiers.addObject();
            value.put("@type", "PropertyValue");
            value.put("propertyID", identifier.scheme().key());
            value.put("value", identifier.value());
            Links.of(identifier).ifPresent(url -> value.put("url", url));
        }
        dataset.put("name", r.name());
        if (r.description() != null) {
            dataset.put("description", r.description());
        }
        dataset.put("url", r.url());
        dataset.put("mainEntityOfPage", base + "/resources/" + r.id());
        if (r.provider() != null) {
            ObjectNode creator = dataset.putObject("creator");
            creator.put("@type", "Organization");
            creator.put("name", r.provider());
        }
        if (r.license() != null) {
            dataset.put("license", r.license());
        }
        if (r.access() != Access.UNKNOWN) {
            dataset.put("isAccessibleForFree", r.access() == Access.OPEN || r.access() == Access.REGISTRATION);
        }
        ArrayNode techniques = dataset.putArray("measurementTechnique");
        for (Modality modality : Modality.values()) {
            if (r.flag(modality) == Availability.Y) {
                techniques.add(modality.label());
            }
        }
        ArrayNode keywords = dataset.putArray("keywords");
        r.tags().forEach(keywords::add);
        ArrayNode formats = dataset.putArray("encodingFormat");
        r.formats().forEach(formats::add);
        if (r.version() != null) {
            dataset.put("version", r.version());
        }
        dataset.put("dateModified", entry.updatedAt().toString());
        List<String> sources = graph == null ? List.of() : graph.sources(r.id());
        if (!sources.isEmpty()) {
            ArrayNode basedOn = dataset.putArray("isBasedOn");
            for (String source : sources) {
                Optional<CatalogGraph.Known> known = graph.entry(source);
                if (known.isPresent()) {
                    ObjectNode other = basedOn.addObject();
                    other.put("@type", "Dataset");
                    other.put("@id", pageOf(base, source));
                    other.put("name", known.get().name());
                } else {
                    Links.ofSource(source).ifPresent(url -> basedOn.addObject().put("@id", url));
                }
            }
        }
        if (entry.withdrawn()) {
            dataset.put("creativeWorkStatus", "Withdrawn");
        }
        return dataset;
    }

    private static String pageOf(String base, String id) {
        return base + "/resources/" + id;
    }

    public static String json(ObjectNode node) {
        try {
            return EventJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON-LD", e);
        }
    }

    /**
     * JSON safe inside an HTML {@code <script>} data block: no text in it can close the element or
     * open a comment, because {@code <}, {@code >} and {@code &} (and the JavaScript line separators)
     * become JSON escapes, which parse back to the same strings.
     */
    public static String forScriptBlock(ObjectNode node) {
        String json = json(node);
        StringBuilder out = new StringBuilder(json.length() + 32);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
