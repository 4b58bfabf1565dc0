package org.imagingcatalog.model.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceFields;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.Validated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7396) of a resource: what a correction proposes and what curation's PATCH takes.
 * Fields the patch does not mention stay as they are; {@code null} clears a field; an object (counts,
 * modalities) is merged member by member; a list is replaced whole.
 */
public final class MergePatch {

    /** Fields a patch may not clear: the contract requires them on every version. */
    private static final List<String> REQUIRED = List.of("name", "url");

    private MergePatch() {
    }

    /** RFC 7396, section 2: the target with the patch applied; neither argument is changed. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return patch == null ? null : patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : EventJson.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /**
     * The resource {@code current} becomes with {@code patch}, read and checked like any other input: a
     * member of the wrong type, an unknown field, a cleared required field or another id are errors
     * named by field, and then nothing is applied.
     */
    public static Validated<Resource> applyTo(Resource current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            return new Validated<>(null, List.of(new FieldError("",
                    "must be a JSON object naming the fields to change (a JSON Merge Patch, RFC 7396)")));
        }
        List<FieldError> errors = new ArrayList<>();
        for (String field : REQUIRED) {
            if (patch.has(field) && patch.get(field).isNull()) {
                errors.add(new FieldError(field, "is required and cannot be cleared"));
            }
        }
        errors.addAll(unknownClearedFields(patch));
        JsonNode id = patch.get("id");
        if (id != null && !(id.isTextual() && id.asText().equals(current.id()))) {
            errors.add(new FieldError("id", "cannot be changed: a correction keeps the entry's id " + current.id()));
        }
        JsonNode merged = apply(EventJson.mapper().valueToTree(current.content()), patch);
        Validated<Resource> read = ResourceReader.fromJson(merged);
        return errors.isEmpty() ? read : new Validated<Resource>(null, errors).with(read.errors());
    }

    /**
     * A {@code null} member clears a field, so the merged resource no longer shows its name: a name no resource
     * has (a typo such as {@code licence}) is refused here, or the patch would change nothing without a word.
     */
    private static List<FieldError> unknownClearedFields(JsonNode patch) {
        List<FieldError> errors = new ArrayList<>();
        patch.fields().forEachRemaining(member -> {
            String name = member.getKey();
            if (member.getValue().isNull() && !ResourceFields.TOP_LEVEL.contains(name)
                    && !ResourceFields.IGNORED.contains(name)) {
                errors.add(new FieldError(name, "unknown field"));
            }
        });
        unknownClearedMembers(patch.get("counts"), "counts", ResourceFields.COUNTS, errors);
        unknownClearedMembers(patch.get("modalities"), "modalities",
                Arrays.stream(Modality.values()).map(Modality::key).toList(), errors);
        return errors;
    }

    private static void unknownClearedMembers(JsonNode object, String field, List<String> known, List<FieldError> errors) {
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(member -> {
                if (member.getValue().isNull() && !known.contains(member.getKey())) {
                    errors.add(new FieldError(field + "." + member.getKey(), "unknown field (" + String.join(", ", known) + ")"));
                }
            });
        }
    }

    /**
     * The patch that turns {@code before} into {@code after}: each changed top-level field with its new value
     * ({@code null} where it was cleared), objects member by member. For a correction made in a form, which
     * sends every field, this keeps only what the contributor changed.
     */
    public static ObjectNode between(Resource before, Resource after) {
        JsonNode from = EventJson.mapper().valueToTree(before.content());
        JsonNode to = EventJson.mapper().valueToTree(after.content());
        return diff(from, to);
    }

    private static ObjectNode diff(JsonNode from, JsonNode to) {
        ObjectNode patch = EventJson.mapper().createObjectNode();
        Set<String> names = new LinkedHashSet<>();
        from.fieldNames().forEachRemaining(names::add);
        to.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode was = from.get(name);
            JsonNode now = to.get(name);
            boolean wasSet = was != null && !was.isNull();
            boolean nowSet = now != null && !now.isNull();
            if (!nowSet) {
                if (wasSet) {
                    patch.putNull(name);
                }
            } else if (wasSet && was.isObject() && now.isObject()) {
                ObjectNode inner = diff(was, now);
                if (!inner.isEmpty()) {
                    patch.set(name, inner);
                }
            } else if (!now.equals(was)) {
                patch.set(name, now.deepCopy());
            }
        }
        return patch;
    }

    /** The fields a patch names, nested ones as {@code counts.patients}: what a reviewer needs to see. */
    public static Set<String> namedFields(JsonNode patch) {
        Set<String> named = new LinkedHashSet<>();
        if (patch != null && patch.isObject()) {
            collect("", patch, named);
        }
        return named;
    }

    private static void collect(String prefix, JsonNode patch, Set<String> named) {
        for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext();) {
            Map.Entry<String, JsonNode> member = members.next();
            String name = prefix + member.getKey();
            if (member.getValue().isObject()) {
                collect(name + ".", member.getValue(), named);
            } else {
                named.add(name);
            }
        }
    }
}
