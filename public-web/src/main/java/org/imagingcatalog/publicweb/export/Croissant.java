package org.imagingcatalog.publicweb.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Links;
import org.imagingcatalog.publicweb.reading.CatalogGraph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One entry as a Croissant 1.0 (MLCommons) dataset description, the JSON-LD that machine-learning tools read. The
 * context is written into the document (Croissant's own terms, {@code prov:} and {@code rai:}), so no processor
 * needs to fetch anything to read it. The dataset is named by its public page, like in the catalog's other
 * exports; the files are offered as one {@code cr:FileObject} per stated format at the provider's address (the
 * catalog knows no file addresses or checksums). The trust fields go where Croissant has a place for them: what the
 * entry is built from as {@code isBasedOn} and {@code prov:wasDerivedFrom}; population, image source, reference
 * standard, risk of bias and the lineage warning as Croissant RAI properties ({@code rai:dataCollection},
 * {@code rai:dataCollectionRawData}, {@code rai:dataAnnotationProtocol}, {@code rai:dataBiases},
 * {@code rai:dataLimitations}); their codes and the counts as {@code additionalProperty} values.
 */
public final class Croissant {

    public static final String CONFORMS_TO = "http://mlcommons.org/croissant/1.0";
    public static final String MEDIA_TYPE = "application/ld+json";

    private static final String CONTEXT = """
            {
              "@language": "en",
              "@vocab": "https://schema.org/",
              "sc": "https://schema.org/",
              "cr": "http://mlcommons.org/croissant/",
              "rai": "http://mlcommons.org/croissant/RAI/",
              "dct": "http://purl.org/dc/terms/",
              "prov": "http://www.w3.org/ns/prov#",
              "citeAs": "cr:citeAs",
              "column": "cr:column",
              "conformsTo": "dct:conformsTo",
              "data": {"@id": "cr:data", "@type": "@json"},
              "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
              "examples": {"@id": "cr:examples", "@type": "@json"},
              "extract": "cr:extract",
              "field": "cr:field",
              "fileObject": "cr:fileObject",
              "fileProperty": "cr:fileProperty",
              "fileSet": "cr:fileSet",
              "format": "cr:format",
              "includes": "cr:includes",
              "isLiveDataset": "cr:isLiveDataset",
              "jsonPath": "cr:jsonPath",
              "key": "cr:key",
              "md5": "cr:md5",
              "parentField": "cr:parentField",
              "path": "cr:path",
              "recordSet": "cr:recordSet",
              "references": "cr:references",
              "regex": "cr:regex",
              "repeated": "cr:repeated",
              "replace": "cr:replace",
              "separator": "cr:separator",
              "source": "cr:source",
              "subField": "cr:subField",
              "transform": "cr:transform",
              "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"}
            }""";

    private Croissant() {
    }

    /**
     * The document of one entry, listed or withdrawn ({@code creativeWorkStatus} Withdrawn, like its page).
     * {@code graph}: the catalog's lineage; {@code licenseIri}: the SPDX licence IRI of a stated licence on the list.
     */
    public static ObjectNode document(Entry entry, String base, CatalogGraph graph,
            Function<String, Optional<String>> licenseIri) {
        Resource r = entry.resource();
        ObjectNode doc = EventJson.mapper().createObjectNode();
        try {
            doc.set("@context", EventJson.mapper().readTree(CONTEXT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the Croissant context is no JSON", e);
        }
        doc.put("@type", "sc:Dataset");
        doc.put("@id", page(base, r.id()));
        doc.put("conformsTo", CONFORMS_TO);
        doc.put("name", r.name());
        doc.put("description", r.description() != null && !r.description().isBlank() ? r.description()
                : EntryTexts.summary(r));
        doc.put("url", r.url());
        if (r.license() != null && !r.license().isBlank()) {
            doc.put("license", licenseIri.apply(r.license()).orElse(r.license()));
        }
        if (r.provider() != null && !r.provider().isBlank()) {
            ObjectNode creator = doc.putObject("creator");
            creator.put("@type", "sc:Organization");
            creator.put("name", r.provider());
        }
        ObjectNode catalog = doc.putObject("includedInDataCatalog");
        catalog.put("@type", "sc:DataCatalog");
        catalog.put("name", SchemaOrg.CATALOG_NAME);
        catalog.put("url", base + "/");
        if (r.version() != null) {
            doc.put("version", r.version().toString());
        }
        doc.put("dateModified", entry.updatedAt().toString());
        ArrayNode keywords = doc.putArray("keywords");
        EntryTexts.keywords(r).forEach(keywords::add);
        doc.put("citeAs", Bibtex.entry(entry, base));
        if (entry.withdrawn()) {
            doc.put("creativeWorkStatus", "Withdrawn");
        }
        distribution(doc, r, base);
        lineage(doc, r, base, graph);
        trust(doc, r);
        return doc;
    }

    public static byte[] bytes(ObjectNode document) {
        try {
            return EventJson.mapper().writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the Croissant document", e);
        }
    }

    /** One FileObject per stated format (or one for the data as a whole), each at the provider's address. */
    private static void distribution(ObjectNode doc, Resource r, String base) {
        ArrayNode files = doc.putArray("distribution");
        List<String> formats = r.formats().isEmpty() ? Collections.singletonList(null) : r.formats();
        for (int i = 0; i < formats.size(); i++) {
            String format = formats.get(i);
            ObjectNode file = files.addObject();
            file.put("@type", "cr:FileObject");
            file.put("@id", page(base, r.id()) + (format == null ? "#data" : "#data-" + (i + 1)));
            file.put("name", format == null ? "data" : format + " files");
            file.put("description", (format == null ? "The data" : "The " + format + " files")
                    + " at the provider's address (access: " + r.access().label()
                    + "); the catalog records no direct file address or checksum.");
            file.put("contentUrl", r.url());
            String mediaType = format == null ? null : DataFormats.of(format).mediaType();
            file.put("encodingFormat", mediaType != null ? mediaType : format == null ? "text/html" : format);
        }
    }

    /** What the entry is built from directly: other entries by their public page, outside sources by their link. */
    private static void lineage(ObjectNode doc, Resource r, String base, CatalogGraph graph) {
        List<String> sources = graph == null ? List.of() : graph.sources(r.id());
        ArrayNode basedOn = EventJson.mapper().createArrayNode();
        ArrayNode derivedFrom = EventJson.mapper().createArrayNode();
        List<String> names = new ArrayList<>();
        for (String source : sources) {
            Optional<CatalogGraph.Known> known = graph.entry(source);
            Optional<String> iri = known.isPresent() ? Optional.of(page(base, source)) : Links.ofSource(source);
            if (iri.isEmpty()) {
                continue;
            }
            ObjectNode node = basedOn.addObject();
            node.put("@id", iri.get());
            known.ifPresent(k -> {
                node.put("@type", "sc:Dataset");
                node.put("name", k.name());
            });
            derivedFrom.add(iri.get());
            names.add(known.map(CatalogGraph.Known::name).orElse(iri.get()));
        }
        if (!basedOn.isEmpty()) {
            doc.set("isBasedOn", basedOn);
            doc.set("wasDerivedFrom", derivedFrom);
            doc.put("rai:dataLimitations", "Built from " + names.size() + " other "
                    + (names.size() == 1 ? "dataset" : "datasets") + ": " + String.join("; ", names)
                    + ". Do not test a model trained on " + (names.size() == 1 ? "it" : "one of them")
                    + " on this one: they share images.");
        }
    }

    private static void trust(ObjectNode doc, Resource r) {
        if (r.population() != Population.UNKNOWN) {
            doc.put("rai:dataCollection", "Whose images: " + r.population().label() + ".");
        }
        if (r.imageSource() != ImageSource.UNKNOWN) {
            doc.put("rai:dataCollectionRawData", "Where the images come from: " + r.imageSource().label() + ".");
        }
        if (r.referenceStandard() != ReferenceStandard.UNKNOWN) {
            doc.put("rai:dataAnnotationProtocol", "How the labels were set: " + r.referenceStandard().label() + ".");
        }
        ArrayNode biases = EventJson.mapper().createArrayNode();
        for (RiskDomain domain : RiskDomain.values()) {
            RiskJudgement judgement = r.riskOfBias().get(domain);
            if (judgement != null) {
                biases.add("Risk of bias (" + domain.label() + "): " + judgement.risk()
                        + (judgement.reason() == null ? "" : ": " + judgement.reason()));
            }
        }
        if (!biases.isEmpty()) {
            doc.set("rai:dataBiases", biases);
        }
        ArrayNode properties = EventJson.mapper().createArrayNode();
        property(properties, "referenceStandard", r.referenceStandard().name());
        property(properties, "population", r.population().name());
        property(properties, "imageSource", r.imageSource().name());
        for (RiskDomain domain : RiskDomain.values()) {
            RiskJudgement judgement = r.riskOfBias().get(domain);
            if (judgement != null) {
                property(properties, "riskOfBias." + domain.key(), judgement.risk().name());
            }
        }
        count(properties, "patients", r.counts().patients());
        count(properties, "images", r.counts().images());
        count(properties, "studies", r.counts().studies());
        doc.set("additionalProperty", properties);
    }

    private static void property(ArrayNode properties, String id, String value) {
        ObjectNode property = properties.addObject();
        property.put("@type", "sc:PropertyValue");
        property.put("propertyID", id);
        property.put("value", value);
    }

    private static void count(ArrayNode properties, String id, Long value) {
        if (value != null) {
            ObjectNode property = properties.addObject();
            property.put("@type", "sc:PropertyValue");
            property.put("propertyID", id);
            property.put("value", value);
        }
    }

    private static String page(String base, String id) {
        return base + "/resources/" + id;
    }
}
