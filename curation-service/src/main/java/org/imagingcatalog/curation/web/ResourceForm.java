package org.imagingcatalog.curation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceReader;

import jakarta.ws.rs.core.MultivaluedMap;

/** The resource's fields as an HTML form: values, options, help and the error next to each field. */
public final class ResourceForm {

    /** One input of the form. {@code kind}: text, url, textarea, number, select. */
    public record Field(String name, String label, String kind, String value, String help, List<String> options,
            String error, boolean readonly) {

        public String id() {
            return "f-" + name;
        }
    }

    private static final List<String> FLAGS = Arrays.stream(Availability.values()).map(Enum::name).toList();
    private static final List<String> ACCESS = Arrays.stream(Access.values()).map(Enum::name).toList();

    private ResourceForm() {
    }

    public static Map<String, String> values(Resource resource) {
        return resource == null ? new LinkedHashMap<>() : new LinkedHashMap<>(ResourceReader.toForm(resource));
    }

    public static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v == null || v.isEmpty() ? "" : v.get(0)));
        return values;
    }

    /** Errors keyed by form field: modalities.ct -> ct, counts.patients -> patients, tags[2] -> tags. */
    public static Map<String, String> errors(List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            String field = e.field().replaceAll("\\[\\d+]$", "");
            field = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            byField.putIfAbsent(field.isEmpty() ? "form" : field, e.message());
        }
        return byField;
    }

    public static List<Field> fields(Map<String, String> values, Map<String, String> errors, boolean idReadonly) {
        List<Field> fields = new ArrayList<>();
        fields.add(text("id", "Id", "text", "3 to 80 lowercase letters, digits and hyphens; never changes.", values, errors, idReadonly));
        fields.add(text("name", "Name", "text", null, values, errors, false));
        fields.add(text("url", "URL", "url", "Absolute http(s) address of the data set.", values, errors, false));
        fields.add(text("description", "Description", "textarea", null, values, errors, false));
        fields.add(text("provider", "Provider", "text", "Institution or person.", values, errors, false));
        for (Modality m : Modality.values()) {
            fields.add(select(m.key(), m.label(), FLAGS, "Y yes, N no, U unknown.", values, errors));
        }
        fields.add(select("metadata", "Patient metadata", FLAGS, "Y yes, N no, U unknown.", values, errors));
        fields.add(select("caseReview", "Case reviews", FLAGS, "Y yes, N no, U unknown.", values, errors));
        fields.add(text("license", "Licence", "text", "SPDX id where one fits.", values, errors, false));
        fields.add(select("access", "Access", ACCESS, null, values, errors));
        fields.add(text("formats", "Formats", "text", "Comma-separated, e.g. DICOM, PNG.", values, errors, false));
        fields.add(text("patients", "Patients", "number", "Whole number; empty if unknown.", values, errors, false));
        fields.add(text("images", "Images", "number", "Whole number; empty if unknown.", values, errors, false));
        fields.add(text("studies", "Studies", "number", "Whole number; empty if unknown.", values, errors, false));
        fields.add(text("annotations", "Annotations", "text", "Comma-separated, e.g. segmentation, report.", values, errors, false));
        fields.add(text("tags", "Tags", "text", "Comma-separated.", values, errors, false));
        return fields;
    }

    private static Field text(String name, String label, String kind, String help, Map<String, String> values,
            Map<String, String> errors, boolean readonly) {
        return new Field(name, label, kind, values.getOrDefault(name, ""), help, List.of(), errors.get(name), readonly);
    }

    private static Field select(String name, String label, List<String> options, String help, Map<String, String> values,
            Map<String, String> errors) {
        String value = values.getOrDefault(name, "");
        return new Field(name, label, "select", value.isEmpty() ? options.get(options.size() - 1) : value, help, options,
                errors.get(name), false);
    }
}
