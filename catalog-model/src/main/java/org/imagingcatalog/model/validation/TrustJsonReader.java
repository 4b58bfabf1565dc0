package org.imagingcatalog.model.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the trust fields of a resource's JSON, naming every member of the wrong type, unknown member or
 * value outside its vocabulary by its path ({@code relations[2].type}). A list item that cannot be read
 * still takes its place, so the validator's indices name the same items.
 */
final class TrustJsonReader {

    private static final Set<String> RELATION_MEMBERS = Set.of("type", "target", "note");
    private static final Set<String> IDENTIFIER_MEMBERS = Set.of("scheme", "value");
    private static final Set<String> JUDGEMENT_MEMBERS = Set.of("risk", "reason");
    private static final Set<String> PROVENANCE_MEMBERS = Set.of("source", "verifiedOn", "verifiedBy");

    private TrustJsonReader() {
    }

    static TrustFields read(JsonNode resource, FieldErrors errors) {
        return new TrustFields(
                relations(resource.get("relations"), errors),
                identifiers(resource.get("identifiers"), errors),
                vocabulary(resource, "referenceStandard", "referenceStandard", ReferenceStandard::parse, errors),
                vocabulary(resource, "population", "population", Population::parse, errors),
                vocabulary(resource, "imageSource", "imageSource", ImageSource::parse, errors),
                riskOfBias(resource.get("riskOfBias"), errors),
                provenance(resource.get("provenance"), errors));
    }

    private static List<Relation> relations(JsonNode list, FieldErrors errors) {
        List<Relation> relations = new ArrayList<>();
        for (int i = 0; i < items(list, "relations", "relations, each {type, target, note}", errors); i++) {
            String path = "relations[" + i + "]";
            JsonNode item = list.get(i);
            if (!object(item, path, "type, target and note", RELATION_MEMBERS, errors)) {
                relations.add(new Relation(null, null, null));
                continue;
            }
            relations.add(new Relation(vocabulary(item, "type", path + ".type", RelationType::parse, errors),
                    text(item, "target", path, errors), text(item, "note", path, errors)));
        }
        return relations;
    }

    private static List<Identifier> identifiers(JsonNode list, FieldErrors errors) {
        List<Identifier> identifiers = new ArrayList<>();
        for (int i = 0; i < items(list, "identifiers", "identifiers, each {scheme, value}", errors); i++) {
            String path = "identifiers[" + i + "]";
            JsonNode item = list.get(i);
            if (!object(item, path, "scheme and value", IDENTIFIER_MEMBERS, errors)) {
                identifiers.add(new Identifier(null, null));
                continue;
            }
            identifiers.add(new Identifier(vocabulary(item, "scheme", path + ".scheme", IdentifierScheme::parse, errors),
                    text(item, "value", path, errors)));
        }
        return identifiers;
    }

    private static RiskOfBias riskOfBias(JsonNode node, FieldErrors errors) {
        RiskOfBias rob = RiskOfBias.unassessed();
        if (node == null || node.isNull()) {
            return rob;
        }
        if (!node.isObject()) {
            errors.add("riskOfBias", "must be an object with participants, referenceStandard, images and composition");
            return rob;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (Arrays.stream(RiskDomain.values()).noneMatch(d -> d.key().equals(name))) {
                errors.add("riskOfBias." + name, "unknown domain (participants, referenceStandard, images, composition)");
            }
        }
        for (RiskDomain domain : RiskDomain.values()) {
            String path = "riskOfBias." + domain.key();
            JsonNode judgement = node.get(domain.key());
            if (judgement != null && !judgement.isNull()
                    && object(judgement, path, "risk and reason", JUDGEMENT_MEMBERS, errors)) {
                rob = rob.with(domain, new RiskJudgement(vocabulary(judgement, "risk", path + ".risk", Risk::parse, errors),
                        text(judgement, "reason", path, errors)));
            }
        }
        return rob;
    }

    private static Map<String, Provenance> provenance(JsonNode node, FieldErrors errors) {
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return provenance;
        }
        if (!node.isObject()) {
            errors.add("provenance", "must be an object from field path to {source, verifiedOn, verifiedBy}");
            return provenance;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = "provenance." + field.getKey();
            JsonNode entry = field.getValue();
            if (object(entry, path, "source, verifiedOn and verifiedBy", PROVENANCE_MEMBERS, errors)) {
                provenance.put(field.getKey(), new Provenance(text(entry, "source", path, errors),
                        date(text(entry, "verifiedOn", path, errors), path + ".verifiedOn", errors),
                        text(entry, "verifiedBy", path, errors)));
            }
        }
        return provenance;
    }

    static LocalDate date(String raw, String path, FieldErrors errors) {
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            errors.add(path, "must be a date such as 2026-12-03");
            return null;
        }
    }

    /** How many items the list has; 0 with an error if it is not a list. */
    private static int items(JsonNode list, String field, String what, FieldErrors errors) {
        if (list == null || list.isNull()) {
            return 0;
        }
        if (!list.isArray()) {
            errors.add(field, "must be a list of " + what);
            return 0;
        }
        return list.size();
    }

    /** Whether the node is an object; unknown members are errors too. */
    private static boolean object(JsonNode node, String path, String members, Set<String> known, FieldErrors errors) {
        if (node == null || !node.isObject()) {
            errors.add(path, "must be an object with " + members);
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(path + "." + name, "unknown field (" + members + ")");
            }
        }
        return true;
    }

    private static String text(JsonNode node, String name, String path, FieldErrors errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path + "." + name, "must be text");
            return null;
        }
        return value.asText().isBlank() ? null : value.asText().strip();
    }

    private static <E> E vocabulary(JsonNode node, String name, String path, Function<String, E> parser,
            FieldErrors errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path, "must be text");
            return null;
        }
        return errors.parse(path, value.asText(), parser);
    }
}
