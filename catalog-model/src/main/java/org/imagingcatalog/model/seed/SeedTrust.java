package org.imagingcatalog.model.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceFields;
import org.imagingcatalog.model.validation.ResourceValidator;
import org.imagingcatalog.model.validation.Validated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trust fields of the seed entries, as {@code seed-trust.json} states them from each dataset's own pages.
 * Each relation's own {@code source} becomes the provenance of {@code relations[i]}, verified when and by whom
 * the entry's {@code relations} were. The file's {@code notes} (the facts behind each reading) have no field in
 * the model and stay in the file. A fact the model refuses is left out, never mended, and listed with its reason.
 */
final class SeedTrust {

    static final String RESOURCE_PATH = "/seed/seed-trust.json";

    /** The trust fields per seed id, and the facts left out. */
    record Loaded(Map<String, TrustFields> byId, List<RefusedSeedFact> refused) {
    }

    private SeedTrust() {
    }

    static Loaded load(Map<String, Resource> seed) {
        Map<String, TrustFields> byId = new LinkedHashMap<>();
        List<RefusedSeedFact> refused = new ArrayList<>();
        for (JsonNode entry : readFile()) {
            String id = entry.path("id").asText();
            Resource base = seed.get(id);
            if (base == null) {
                throw new IllegalStateException(RESOURCE_PATH + " names " + id + ", which is not in the seed list");
            }
            ObjectNode trust = trustMembers(entry);
            List<String> relationSources = new ArrayList<>();
            for (JsonNode relation : trust.path("relations")) {
                JsonNode source = relation.isObject() ? ((ObjectNode) relation).remove("source") : null;
                relationSources.add(source == null ? "" : source.asText());
            }
            withoutRefused(base, trust, relationSources, refused);
            // numbered once the relations the model refuses are gone, then checked in turn
            addRelationSources(trust, relationSources);
            withoutRefused(base, trust, relationSources, refused);
            byId.put(id, TrustFields.of(read(base, trust).value()));
        }
        return new Loaded(byId, List.copyOf(refused));
    }

    private static JsonNode readFile() {
        try (InputStream in = SeedTrust.class.getResourceAsStream(RESOURCE_PATH)) {
            if (in == null) {
                throw new IllegalStateException("the seed's trust file " + RESOURCE_PATH + " is not on the classpath");
            }
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed's trust file", e);
        }
    }

    private static ObjectNode trustMembers(JsonNode entry) {
        ObjectNode trust = EventJson.mapper().createObjectNode();
        for (String field : ResourceFields.TRUST) {
            if (entry.has(field)) {
                trust.set(field, entry.get(field).deepCopy());
            }
        }
        return trust;
    }

    /** Gives relation {@code i} the provenance of its own source, verified as the entry's relations were. */
    private static void addRelationSources(ObjectNode trust, List<String> relationSources) {
        JsonNode verified = trust.path("provenance").path("relations");
        for (int i = 0; i < relationSources.size(); i++) {
            if (!relationSources.get(i).isBlank() && verified.isObject()) {
                ObjectNode own = ((ObjectNode) verified).deepCopy().put("source", relationSources.get(i));
                ((ObjectNode) trust.get("provenance")).set("relations[" + i + "]", own);
            }
        }
    }

    /** Removes every fact the model refuses, recording each, until the rest is valid. */
    private static void withoutRefused(Resource base, ObjectNode trust, List<String> relationSources,
            List<RefusedSeedFact> refused) {
        List<FieldError> errors = read(base, trust).errors();
        while (!errors.isEmpty()) {
            List<String> facts = new ArrayList<>();
            for (FieldError error : errors) {
                String fact = factOf(trust, error, base.id());
                if (!facts.contains(fact)) {
                    facts.add(fact);
                    refused.add(new RefusedSeedFact(base.id(), fact, valueOf(trust, fact).toString(),
                            error.field() + " " + error.message()));
                }
            }
            facts.sort(Comparator.comparing(SeedTrust::index).reversed());
            facts.forEach(fact -> remove(trust, fact, relationSources));
            errors = read(base, trust).errors();
        }
    }

    private static Validated<Resource> read(Resource base, ObjectNode trust) {
        ObjectNode json = EventJson.mapper().valueToTree(base.content());
        json.setAll(trust);
        return ResourceValidator.readAndValidate(json, true);
    }

    /** The smallest part of the trust fields an error is about: a list item, a domain, a provenance entry, a field. */
    private static String factOf(ObjectNode trust, FieldError error, String id) {
        String field = error.field();
        if (isListItem(field)) {
            return field.substring(0, field.indexOf(']') + 1);
        }
        if (field.startsWith("riskOfBias.")) {
            String[] parts = field.split("\\.");
            return parts[0] + "." + parts[1];
        }
        if (field.startsWith("provenance.")) {
            List<String> paths = new ArrayList<>();
            trust.path("provenance").fieldNames().forEachRemaining(paths::add);
            return paths.stream().map(p -> "provenance." + p)
                    .filter(p -> field.equals(p) || field.startsWith(p + "."))
                    .max(Comparator.comparingInt(String::length)).orElse(field);
        }
        if (List.of("referenceStandard", "population", "imageSource").contains(field)) {
            return field;
        }
        throw new IllegalStateException("seed entry " + id + " is invalid: " + field + " " + error.message());
    }

    private static JsonNode valueOf(ObjectNode trust, String fact) {
        if (isListItem(fact)) {
            String list = fact.substring(0, fact.indexOf('['));
            return trust.path(list).path(index(fact));
        }
        int dot = fact.indexOf('.');
        return dot < 0 ? trust.path(fact) : trust.path(fact.substring(0, dot)).path(fact.substring(dot + 1));
    }

    private static void remove(ObjectNode trust, String fact, List<String> relationSources) {
        if (isListItem(fact)) {
            String list = fact.substring(0, fact.indexOf('['));
            ((ArrayNode) trust.get(list)).remove(index(fact));
            if (list.equals("relations")) {
                relationSources.remove(index(fact));
            }
            return;
        }
        int dot = fact.indexOf('.');
        if (dot < 0) {
            trust.remove(fact);
        } else {
            ((ObjectNode) trust.get(fact.substring(0, dot))).remove(fact.substring(dot + 1));
        }
    }

    private static boolean isListItem(String field) {
        return field.startsWith("relations[") || field.startsWith("identifiers[");
    }

    /** The index of a list item, or -1 for another fact. */
    private static int index(String fact) {
        return isListItem(fact) ? Integer.parseInt(fact.substring(fact.indexOf('[') + 1, fact.indexOf(']'))) : -1;
    }
}
