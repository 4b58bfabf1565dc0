package org.imagingcatalog.model.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.TrustFields;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns untrusted input (the JSON API's body or a form) into a {@link Resource}, reporting every
 * wrong type or unreadable value by field name instead of stopping at the first. Size and format
 * rules are checked afterwards by {@link ResourceValidator}.
 */
public final class ResourceReader {

    private ResourceReader() {
    }

    public static Validated<Resource> fromJson(JsonNode node) {
        FieldErrors errors = new FieldErrors();
        if (node == null || !node.isObject()) {
            errors.add("", "must be a JSON object with the resource's fields");
            return new Validated<>(null, errors.list());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!ResourceFields.TOP_LEVEL.contains(name) && !ResourceFields.IGNORED.contains(name)) {
                errors.add(name, "unknown field");
            }
        }
        JsonNode modalities = node.get("modalities");
        if (modalities != null && !modalities.isNull() && !modalities.isObject()) {
            errors.add("modalities", "must be an object with ct, xray, mri and ultrasound");
            modalities = null;
        }
        if (modalities != null && modalities.isObject()) {
            for (Iterator<String> names = modalities.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (Arrays.stream(Modality.values()).noneMatch(m -> m.key().equals(name))) {
                    errors.add("modalities." + name, "unknown modality (ct, xray, mri, ultrasound)");
                }
            }
        }
        JsonNode counts = node.get("counts");
        if (counts != null && !counts.isNull() && !counts.isObject()) {
            errors.add("counts", "must be an object with patients, images and studies");
            counts = null;
        }
        if (counts != null && counts.isObject()) {
            for (Iterator<String> names = counts.fieldNames(); names.hasNext();) {
                String name = names.next();
                if (!ResourceFields.COUNTS.contains(name)) {
                    errors.add("counts." + name, "unknown count (patients, images, studies)");
                }
            }
        }
        JsonNode m = modalities;
        JsonNode c = counts;
        Resource resource = new Resource(
                jsonText(node, "id", errors),
                jsonText(node, "name", errors),
                jsonText(node, "url", errors),
                jsonText(node, "description", errors),
                jsonText(node, "provider", errors),
                new Modalities(
                        jsonFlag(m, Modality.CT, errors),
                        jsonFlag(m, Modality.XRAY, errors),
                        jsonFlag(m, Modality.MRI, errors),
                        jsonFlag(m, Modality.ULTRASOUND, errors)),
                jsonEnum(node, "metadata", "metadata", Availability::parse, errors),
                jsonEnum(node, "caseReview", "caseReview", Availability::parse, errors),
                jsonText(node, "license", errors),
                jsonEnum(node, "access", "access", Access::parse, errors),
                jsonList(node, "formats", errors),
                new Counts(jsonCount(c, "patients", errors), jsonCount(c, "images", errors),
                        jsonCount(c, "studies", errors)),
                jsonList(node, "annotations", errors),
                jsonList(node, "tags", errors),
                null, null).withTrust(TrustJsonReader.read(node, errors));
        return new Validated<>(resource, errors.list());
    }

    /**
     * Reads a form post: flags as Y/N/U, list fields as comma-separated text, counts as whole numbers, trust
     * fields as {@link TrustForm} names them.
     */
    public static Validated<Resource> fromForm(Map<String, List<String>> form) {
        return fromForm(form, TrustFields.none());
    }

    /**
     * Reads a form post that edits {@code current}: a trust field the form does not carry at all keeps
     * current's value, so a form without the trust fields cannot clear them.
     */
    public static Validated<Resource> fromForm(Map<String, List<String>> form, Resource current) {
        return fromForm(form, TrustFields.of(current));
    }

    private static Validated<Resource> fromForm(Map<String, List<String>> form, TrustFields kept) {
        FieldErrors errors = new FieldErrors();
        Function<String, String> field = name -> {
            List<String> values = form.get(name);
            return values == null || values.isEmpty() ? null : blankToNull(values.get(0));
        };
        Resource resource = new Resource(
                field.apply("id"),
                field.apply("name"),
                field.apply("url"),
                field.apply("description"),
                field.apply("provider"),
                new Modalities(
                        errors.parse("modalities.ct", field.apply("ct"), Availability::parse),
                        errors.parse("modalities.xray", field.apply("xray"), Availability::parse),
                        errors.parse("modalities.mri", field.apply("mri"), Availability::parse),
                        errors.parse("modalities.ultrasound", field.apply("ultrasound"), Availability::parse)),
                errors.parse("metadata", field.apply("metadata"), Availability::parse),
                errors.parse("caseReview", field.apply("caseReview"), Availability::parse),
                field.apply("license"),
                errors.parse("access", field.apply("access"), Access::parse),
                splitList(field.apply("formats")),
                new Counts(formCount("patients", field.apply("patients"), errors),
                        formCount("images", field.apply("images"), errors),
                        formCount("studies", field.apply("studies"), errors)),
                splitList(field.apply("annotations")),
                splitList(field.apply("tags")),
                null, null).withTrust(TrustForm.read(form, kept, errors));
        return new Validated<>(resource, errors.list());
    }

    /**
     * The single-valued form fields of a resource, for pre-filling a form; the repeated rows of its
     * relations, identifiers and provenance are in {@link #toFormValues}.
     */
    public static Map<String, String> toForm(Resource r) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", nullToEmpty(r.id()));
        form.put("name", nullToEmpty(r.name()));
        form.put("url", nullToEmpty(r.url()));
        form.put("description", nullToEmpty(r.description()));
        form.put("provider", nullToEmpty(r.provider()));
        for (Modality m : Modality.values()) {
            form.put(m.key(), r.modalities().get(m).name());
        }
        form.put("metadata", r.metadata().name());
        form.put("caseReview", r.caseReview().name());
        form.put("license", nullToEmpty(r.license()));
        form.put("access", r.access().name());
        form.put("formats", String.join(", ", r.formats()));
        form.put("patients", r.counts().patients() == null ? "" : r.counts().patients().toString());
        form.put("images", r.counts().images() == null ? "" : r.counts().images().toString());
        form.put("studies", r.counts().studies() == null ? "" : r.counts().studies().toString());
        form.put("annotations", String.join(", ", r.annotations()));
        form.put("tags", String.join(", ", r.tags()));
        form.putAll(TrustForm.singleValues(TrustFields.of(r)));
        return form;
    }

    /** Every form field of a resource, repeated ones as one value per row: the inverse of {@link #fromForm}. */
    public static Map<String, List<String>> toFormValues(Resource r) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        toForm(r).forEach((name, value) -> form.put(name, List.of(value)));
        form.putAll(TrustForm.values(TrustFields.of(r)));
        return form;
    }

    private static String jsonText(JsonNode node, String name, FieldErrors errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(name, "must be text");
            return null;
        }
        return blankToNull(value.asText());
    }

    private static Availability jsonFlag(JsonNode modalities, Modality modality, FieldErrors errors) {
        return modalities == null ? null
                : jsonEnum(modalities, modality.key(), "modalities." + modality.key(), Availability::parse, errors);
    }

    private static <E> E jsonEnum(JsonNode node, String name, String path, Function<String, E> parser,
            FieldErrors errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path, "must be text: " + expected(path));
            return null;
        }
        return errors.parse(path, value.asText(), parser);
    }

    private static String expected(String path) {
        return "access".equals(path) ? "OPEN, REGISTRATION, APPLICATION or UNKNOWN" : "Y, N or U";
    }

    private static List<String> jsonList(JsonNode node, String name, FieldErrors errors) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            errors.add(name, "must be a list of text values");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                errors.add(name + "[" + i + "]", "must be text");
            } else {
                items.add(item.asText().strip());
            }
        }
        return items;
    }

    private static Long jsonCount(JsonNode counts, String name, FieldErrors errors) {
        JsonNode value = counts == null ? null : counts.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            errors.add("counts." + name, "must be a whole number or null");
            return null;
        }
        return checkCount(name, value.asLong(), errors);
    }

    private static Long formCount(String name, String raw, FieldErrors errors) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replace(",", "").replace("_", "").replace(" ", "");
        try {
            return checkCount(name, Long.parseLong(digits), errors);
        } catch (NumberFormatException e) {
            errors.add("counts." + name, "must be a whole number, or left empty when unknown");
            return null;
        }
    }

    private static Long checkCount(String name, long value, FieldErrors errors) {
        if (value < 0) {
            errors.add("counts." + name, "must not be negative");
            return null;
        }
        return value;
    }

    private static List<String> splitList(String raw) {
        if (raw == null) {
            return List.of();
        }
        return Arrays.stream(raw.split("[,\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String trimmed = s.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
