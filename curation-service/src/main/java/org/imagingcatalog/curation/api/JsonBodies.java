package org.imagingcatalog.curation.api;

import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.catalog.ResourceJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * Reads request bodies here rather than in the JAX-RS reader, so an unreadable body gets the same problem+json
 * answer, naming what is wrong, as every other bad input.
 */
final class JsonBodies {

    /** One JSON value and nothing after it: {@code {"a":1}}}} is not a body with an object in front. */
    private static final ObjectReader READER = ResourceJson.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {
    }

    /** The body as a JSON object, or null if it is empty. */
    static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode node;
        try {
            node = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw CurationProblem.invalidField("", "The body is not JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject()) {
            throw CurationProblem.invalidField("", "The body must be a JSON object.");
        }
        return node;
    }

    static <T> T read(String body, Class<T> type) {
        JsonNode node = object(body);
        if (node == null) {
            return null;
        }
        try {
            return ResourceJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String field = e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()
                    ? m.getPath().get(0).getFieldName() : "";
            throw CurationProblem.invalidField(field == null ? "" : field, "has the wrong type: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw CurationProblem.invalidField("", e.getMessage());
        }
    }
}
