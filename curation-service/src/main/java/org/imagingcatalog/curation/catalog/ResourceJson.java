package org.imagingcatalog.curation.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
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

    /** Reads and validates a resource from the fields of an HTML form (an id is required). */
    public static Validated<Resource> fromForm(Map<String, List<String>> form) {
        return ResourceValidator.readAndValidateForm(form, true);
    }

    /** {@code base} with {@code edits} laid over it; nested objects (modalities, counts) merge field by field. */
    public static ObjectNode overlay(JsonNode base, JsonNode edits) {
        ObjectNode merged = base != null && base.isObject() ? ((ObjectNode) base).deepCopy() : mapper().createObjectNode();
        if (edits == null || !edits.isObject()) {
            return merged;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = edits.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> edit = it.next();
            JsonNode current = merged.get(edit.getKey());
            if (current != null && current.isObject() && edit.getValue().isObject()) {
                merged.set(edit.getKey(), overlay(current, edit.getValue()));
            } else {
                merged.set(edit.getKey(), edit.getValue());
            }
        }
        return merged;
    }
}
