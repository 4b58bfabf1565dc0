package org.imagingcatalog.submission.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceReader;

/** What a form page shows: the values (as typed, or pre-filled) and the errors next to each field. */
public final class FormView {

    /** An entry of the error summary: the message and the input it links to. */
    public record SummaryItem(String anchor, String message) {
    }

    private final Map<String, String> values;
    private final Map<String, String> errors;

    private FormView(Map<String, String> values, Map<String, String> errors) {
        this.values = values;
        this.errors = errors;
    }

    public static FormView empty() {
        Map<String, String> values = new HashMap<>();
        FlagField.ALL.forEach(flag -> values.put(flag.name(), "U"));
        values.put("access", Access.UNKNOWN.name());
        return new FormView(values, Map.of());
    }

    public static FormView of(Map<String, String> values, List<FieldError> apiErrors) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : apiErrors) {
            errors.putIfAbsent(formField(error.field()), error.message());
        }
        return new FormView(new HashMap<>(values), errors);
    }

    /** The published values of a resource, for the correction form. */
    public static FormView prefilled(Resource resource) {
        return new FormView(new HashMap<>(ResourceReader.toForm(resource)), Map.of());
    }

    /** A revision form: the latest proposal (when there is a resource to show) and the last comment. */
    public static FormView revision(Resource latest, String comment) {
        FormView form = latest == null ? empty() : prefilled(latest);
        form.values.put("comment", comment == null ? "" : comment);
        return form;
    }

    /**
     * The form input an API field name belongs to: {@code proposed.modalities.ct} is {@code ct},
     * {@code submitter.email} is {@code submitterEmail}; the rest keep their name.
     */
    static String formField(String apiField) {
        return switch (apiField) {
            case "submitter.name" -> "submitterName";
            case "submitter.email" -> "submitterEmail";
            default -> {
                if (!apiField.startsWith("proposed.")) {
                    yield apiField;
                }
                String field = apiField.substring("proposed.".length()).replaceAll("\\[.*$", "");
                yield field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            }
        };
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    public boolean is(String field, String expected) {
        return expected.equals(values.get(field));
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public int errorCount() {
        return errors.size();
    }

    /** The error summary; errors without an input of their own link to the top of the form. */
    public List<SummaryItem> summary() {
        List<SummaryItem> items = new ArrayList<>();
        errors.forEach((field, message) -> items.add(new SummaryItem(
                FORM_INPUTS.contains(field) ? field : "form", message)));
        return items;
    }

    /** aria-describedby for an input: its help text and, when there is one, its error. */
    public String describedBy(String field) {
        return hasError(field) ? field + "-help " + field + "-error" : field + "-help";
    }

    public List<FlagField> flags() {
        return FlagField.ALL;
    }

    public List<String> accessValues() {
        return java.util.Arrays.stream(Access.values()).map(Access::name).toList();
    }

    private static final List<String> FORM_INPUTS = java.util.stream.Stream.concat(
            FormFields.RESOURCE_FIELDS.stream(), java.util.stream.Stream.of("comment", "submitterName", "submitterEmail"))
            .toList();

}
