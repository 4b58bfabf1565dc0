package org.imagingcatalog.curation.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.validation.ResourceFields;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.ResourceValidator;
import org.imagingcatalog.model.validation.Validated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Resources as the catalog's JSON (catalog-model's mapper), and curator input read and validated by catalog-model. */
public final class ResourceJson {

    private ResourceJson() {
    }

    public static ObjectMapper mapper() {
        return EventJson.mapper();
    }

    public static String write(Resource resource) {
        try {
            return mapper().writeValueAsString(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Resource read(String json) {
        try {
            return mapper().readValue(json, Resource.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(String json) {
        try {
            return json == null ? mapper().createObjectNode() : mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(Resource resource) {
        return mapper().valueToTree(resource);
    }

    /** Reads and validates a resource from JSON (an id is required). */
    public static Validated<Resource> fromJson(JsonNode json) {
        return ResourceValidator.readAndValidate(json, true);
    }

    /**
     * Reads and validates a resource from the fields of an HTML form that edits {@code kept} (an id is required).
     * A trust field the form does not carry at all keeps {@code kept}'s value, so a form without them (or with
     * only some) cannot erase them. There is deliberately no variant without {@code kept}.
     */
    public static Validated<Resource> fromForm(Map<String, List<String>> form, Resource kept) {
        return ResourceValidator.readAndValidateForm(form, kept == null ? EMPTY : kept, true);
    }

    /** The resource a JSON object states, for the trust fields a form keeps; an empty resource if it states none. */
    public static Resource lenient(JsonNode json) {
        Resource read = json == null || !json.isObject() ? null : ResourceReader.fromJson(json).value();
        return read == null ? EMPTY : read;
    }

    /**
     * A whole resource proposed before the trust fields existed (a correction's {@code proposed}) with each trust
     * field it does not mention taken from {@code current}: such a proposal replaces the fields it knows, and
     * cannot erase facts it never saw.
     */
    public static ObjectNode withUnmentionedTrust(JsonNode proposed, Resource current) {
        ObjectNode merged = proposed != null && proposed.isObject() ? ((ObjectNode) proposed).deepCopy()
                : mapper().createObjectNode();
        if (current == null) {
            return merged;
        }
        JsonNode own = tree(current.content());
        for (String field : ResourceFields.TRUST) {
            if (!merged.has(field) && own.has(field)) {
                merged.set(field, own.get(field).deepCopy());
            }
        }
        return merged;
    }

    /**
     * {@code base} with {@code edits} laid over it. Nested objects (modalities, counts, riskOfBias and each of its
     * domains, provenance and each of its entries) merge member by member, where a {@code null} member removes
     * that member (an unassessed domain, a provenance entry dropped); lists (tags, relations, identifiers) and
     * other values are replaced whole.
     */
    public static ObjectNode overlay(JsonNode base, JsonNode edits) {
        return overlay(base, edits, true);
    }

    private static ObjectNode overlay(JsonNode base, JsonNode edits, boolean topLevel) {
        ObjectNode merged = base != null && base.isObject() ? ((ObjectNode) base).deepCopy() : mapper().createObjectNode();
        if (edits == null || !edits.isObject()) {
            return merged;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = edits.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> edit = it.next();
            JsonNode current = merged.get(edit.getKey());
            if (current != null && current.isObject() && edit.getValue().isObject()) {
                merged.set(edit.getKey(), overlay(current, edit.getValue(), false));
            } else if (!topLevel && edit.getValue().isNull()) {
                merged.remove(edit.getKey());
            } else {
                merged.set(edit.getKey(), edit.getValue());
            }
        }
        return merged;
    }

    private static final Resource EMPTY = new Resource(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
}
