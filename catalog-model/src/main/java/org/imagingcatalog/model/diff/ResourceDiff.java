package org.imagingcatalog.model.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;

/** Which fields of a resource's content changed, field by field, in the contract's order. */
public final class ResourceDiff {

    private ResourceDiff() {
    }

    /** The changes from {@code before} to {@code after}; with no {@code before}, every field that is set. */
    public static List<FieldChange> between(Resource before, Resource after) {
        Map<String, Object> old = before == null ? Map.of() : flatten(before);
        List<FieldChange> changes = new ArrayList<>();
        for (Map.Entry<String, Object> field : flatten(after).entrySet()) {
            Object was = old.get(field.getKey());
            Object now = field.getValue();
            if (before == null ? isSet(now) : !Objects.equals(was, now)) {
                changes.add(new FieldChange(field.getKey(), was, now));
            }
        }
        return changes;
    }

    public static List<String> changedFields(Resource before, Resource after) {
        return between(before, after).stream().map(FieldChange::field).toList();
    }

    /** A readable one-line account of the changes, e.g. "CT changed from U to Y; name changed". */
    public static String summary(Resource before, Resource after) {
        List<FieldChange> changes = between(before, after);
        if (before == null) {
            return "added to the catalog";
        }
        if (changes.isEmpty()) {
            return "no change to the content";
        }
        List<String> parts = new ArrayList<>();
        for (FieldChange change : changes) {
            parts.add(change.before() instanceof Enum<?> || change.after() instanceof Enum<?>
                    ? label(change.field()) + " changed from " + change.before() + " to " + change.after()
                    : label(change.field()) + " changed");
        }
        return String.join("; ", parts);
    }

    /** Field names as people read them: modalities.ct -> CT, caseReview -> case review. */
    public static String label(String field) {
        for (Modality m : Modality.values()) {
            if (field.equals("modalities." + m.key())) {
                return m.label();
            }
        }
        return switch (field) {
            case "caseReview" -> "case review";
            case "counts.patients" -> "patient count";
            case "counts.images" -> "image count";
            case "counts.studies" -> "study count";
            case "url" -> "URL";
            default -> field;
        };
    }

    private static boolean isSet(Object value) {
        return value != null && !(value instanceof List<?> list && list.isEmpty());
    }

    private static Map<String, Object> flatten(Resource r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", r.id());
        fields.put("name", r.name());
        fields.put("url", r.url());
        fields.put("description", r.description());
        fields.put("provider", r.provider());
        for (Modality m : Modality.values()) {
            fields.put("modalities." + m.key(), r.modalities().get(m));
        }
        fields.put("metadata", r.metadata());
        fields.put("caseReview", r.caseReview());
        fields.put("license", r.license());
        fields.put("access", r.access());
        fields.put("formats", r.formats());
        fields.put("counts.patients", r.counts().patients());
        fields.put("counts.images", r.counts().images());
        fields.put("counts.studies", r.counts().studies());
        fields.put("annotations", r.annotations());
        fields.put("tags", r.tags());
        return fields;
    }
}
