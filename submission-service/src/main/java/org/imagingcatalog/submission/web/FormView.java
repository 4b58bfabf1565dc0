package org.imagingcatalog.submission.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceFields;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.submission.catalog.EntryName;

/**
 * What a form page shows: the values (as typed, or pre-filled), the rows of relations and identifiers (those
 * given, then a few empty ones), the catalog's entries a relation may point to, and the errors next to each
 * field. Errors of the trust fields are keyed by the model's paths ({@code relations[1].target},
 * {@code riskOfBias.images.reason}); their inputs' ids are the same paths with {@code -} for the punctuation
 * ({@code relations-1-target}).
 */
public final class FormView {

    /** Empty rows offered after the given ones: room to add relations and identifiers without JavaScript. */
    public static final int SPARE_ROWS = 3;

    /** An entry of the error summary: the message and the input it links to. */
    public record SummaryItem(String anchor, String message) {
    }

    /**
     * One relation row: its type (DataCite's name), its target as chosen from the catalog's entries or typed
     * (an address or DOI outside the catalog), and its note. {@code index} is its place among the rows given.
     */
    public record RelationRow(int index, String type, String target, String external, String note) {

        public RelationRow {
            type = trimmed(type);
            target = trimmed(target);
            external = trimmed(external);
            note = note == null ? "" : note;
        }

        /** The error key of a member ({@code relations[1].target}), or of the row itself for an empty member. */
        public String key(String member) {
            return "relations[" + index + "]" + (member.isEmpty() ? "" : "." + member);
        }

        /** The input id of a member: {@code relations-1-target}. */
        public String id(String member) {
            return "relations-" + index + (member.isEmpty() ? "" : "-" + member);
        }

        public int number() {
            return index + 1;
        }

        boolean isEmpty() {
            return type.isEmpty() && target.isEmpty() && external.isEmpty() && note.isBlank();
        }

        boolean hasTwoTargets() {
            return !target.isEmpty() && !external.isEmpty() && !target.equals(external);
        }

        /** The target the model reads: the entry chosen from the list, else the typed address or DOI. */
        String chosenTarget() {
            return target.isEmpty() ? external : target;
        }
    }

    /** One identifier row: the registry's key ({@code doi}) and the value. */
    public record IdentifierRow(int index, String scheme, String value) {

        public IdentifierRow {
            scheme = trimmed(scheme);
            value = value == null ? "" : value;
        }

        public String key(String member) {
            return "identifiers[" + index + "]" + (member.isEmpty() ? "" : "." + member);
        }

        public String id(String member) {
            return "identifiers-" + index + (member.isEmpty() ? "" : "-" + member);
        }

        public int number() {
            return index + 1;
        }

        boolean isEmpty() {
            return scheme.isEmpty() && value.isBlank();
        }
    }

    private static final Pattern ROW_KEY = Pattern.compile("(relations|identifiers)\\[(\\d+)](?:\\.(\\w+))?");
    private static final Set<String> TRUST_TOP_LEVEL = Set.copyOf(ResourceFields.TRUST);
    private static final List<String> FORM_INPUTS = Stream.concat(
            FormFields.RESOURCE_FIELDS.stream(), Stream.of("comment", "submitterName", "submitterEmail",
                    "referenceStandard", "population", "imageSource"))
            .toList();

    private final Map<String, String> values;
    private final Map<String, String> errors;
    private final List<RelationRow> relations;
    private final List<IdentifierRow> identifiers;
    private final List<EntryName> entries;

    private FormView(Map<String, String> values, Map<String, String> errors, List<RelationRow> relations,
            List<IdentifierRow> identifiers, List<EntryName> entries) {
        this.values = values;
        this.errors = errors;
        this.entries = entries == null ? List.of() : entries;
        Set<String> ids = this.entries.stream().map(EntryName::id).collect(Collectors.toSet());
        // a target chosen from the list that the list no longer has (or never had) is shown as typed
        this.relations = withSpareRows(relations.stream()
                .map(r -> r.target().isEmpty() || ids.contains(r.target()) ? r
                        : new RelationRow(r.index(), r.type(), "", r.external().isEmpty() ? r.target() : r.external(),
                                r.note()))
                .limit(Limits.RELATIONS_MAX + 1)
                .toList(), i -> new RelationRow(i, "", "", "", ""));
        this.identifiers = withSpareRows(identifiers.stream().limit(Limits.IDENTIFIERS_MAX + 1).toList(),
                i -> new IdentifierRow(i, "", ""));
    }

    /** An empty form: every flag U, access UNKNOWN, every trust field "not stated". */
    public static FormView empty(List<EntryName> entries) {
        Map<String, String> values = new HashMap<>();
        FlagField.ALL.forEach(flag -> values.put(flag.name(), "U"));
        values.put("access", Access.UNKNOWN.name());
        values.put("referenceStandard", ReferenceStandard.UNKNOWN.name());
        values.put("population", Population.UNKNOWN.name());
        values.put("imageSource", ImageSource.UNKNOWN.name());
        return new FormView(values, Map.of(), List.of(), List.of(), entries);
    }

    /** A form without resource fields (a withdrawal). */
    public static FormView empty() {
        return empty(List.of());
    }

    /** The form as posted, with the errors named by the API's fields ({@code proposed.relations[1].target}). */
    public static FormView of(FormFields form, List<FieldError> apiErrors, List<EntryName> entries) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : apiErrors) {
            errors.putIfAbsent(formField(error.field()), error.message());
        }
        return new FormView(new HashMap<>(form.values()), errors, form.relationRows(), form.identifierRows(), entries);
    }

    /** The values of a resource, for the correction form. */
    public static FormView prefilled(Resource resource, List<EntryName> entries) {
        List<RelationRow> relations = new ArrayList<>();
        resource.relations().forEach(r -> relations.add(new RelationRow(relations.size(),
                r.type() == null ? "" : r.type().dataCite(), r.target(), "", r.note())));
        List<IdentifierRow> identifiers = new ArrayList<>();
        resource.identifiers().forEach(i -> identifiers.add(new IdentifierRow(identifiers.size(),
                i.scheme() == null ? "" : i.scheme().key(), i.value())));
        return new FormView(new HashMap<>(ResourceReader.toForm(resource)), Map.of(), relations, identifiers, entries);
    }

    /** A revision form: the latest proposal (when there is a resource to show) and the last comment. */
    public static FormView revision(Resource latest, String comment, List<EntryName> entries) {
        FormView form = latest == null ? empty(entries) : prefilled(latest, entries);
        form.values.put("comment", comment == null ? "" : comment);
        return form;
    }

    /**
     * The form input an API field name belongs to: {@code proposed.modalities.ct} is {@code ct},
     * {@code submitter.email} is {@code submitterEmail}; a trust field keeps the model's path
     * ({@code proposed.relations[1].target} is {@code relations[1].target}); the rest keep their name.
     */
    static String formField(String apiField) {
        return switch (apiField) {
            case "submitter.name" -> "submitterName";
            case "submitter.email" -> "submitterEmail";
            default -> {
                if (!apiField.startsWith("proposed.")) {
                    yield apiField;
                }
                String path = apiField.substring("proposed.".length());
                if (TRUST_TOP_LEVEL.contains(path.split("[.\\[]", 2)[0])) {
                    yield path;
                }
                String field = path.replaceAll("\\[.*$", "");
                yield field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            }
        };
    }

    /** The input id of a field or model path: {@code relations[1].target} is {@code relations-1-target}. */
    public static String id(String key) {
        return key.replace("[", "-").replace("]", "").replace('.', '-');
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
        errors.forEach((field, message) -> items.add(new SummaryItem(anchor(field), message)));
        return items;
    }

    /**
     * aria-describedby for an input: its help text and, when there is one, its error; a row's inputs also name
     * the row's own error ("repeats link 1"), and the typed target of a relation the error of its target.
     */
    public String describedBy(String field) {
        List<String> ids = new ArrayList<>();
        ids.add(id(field) + "-help");
        if (hasError(field)) {
            ids.add(id(field) + "-error");
        }
        Matcher row = ROW_KEY.matcher(field);
        if (row.matches() && row.group(3) != null) {
            String rowKey = row.group(1) + "[" + row.group(2) + "]";
            if ("external".equals(row.group(3)) && hasError(rowKey + ".target")) {
                ids.add(id(rowKey + ".target") + "-error");
            }
            if (hasError(rowKey)) {
                ids.add(id(rowKey) + "-error");
            }
        }
        return String.join(" ", ids);
    }

    /** The rows of relations: those given, then {@link #SPARE_ROWS} empty ones. */
    public List<RelationRow> relations() {
        return relations;
    }

    public List<IdentifierRow> identifiers() {
        return identifiers;
    }

    /** The catalog's entries by name, for the target of a relation. */
    public List<EntryName> entries() {
        return entries;
    }

    public TrustChoices choices() {
        return TrustChoices.INSTANCE;
    }

    public List<FlagField> flags() {
        return FlagField.ALL;
    }

    public List<String> accessValues() {
        return Arrays.stream(Access.values()).map(Access::name).toList();
    }

    /** Where the summary links an error: its input, its row, its group of fields, or the top of the form. */
    private String anchor(String field) {
        if (FORM_INPUTS.contains(field)) {
            return field;
        }
        if (field.equals("relations") || field.equals("identifiers") || field.equals("riskOfBias")) {
            return field;
        }
        if (field.matches("riskOfBias\\.\\w+\\.(risk|reason)")) {
            return id(field);
        }
        Matcher row = ROW_KEY.matcher(field);
        if (row.matches()) {
            int index = Integer.parseInt(row.group(2));
            boolean relation = row.group(1).equals("relations");
            if (index < (relation ? relations.size() : identifiers.size())) {
                String member = row.group(3) != null ? row.group(3) : relation ? "type" : "scheme";
                return id(row.group(1) + "[" + index + "]." + member);
            }
            return row.group(1);
        }
        return "form";
    }

    private static <R> List<R> withSpareRows(List<R> given, java.util.function.IntFunction<R> empty) {
        List<R> rows = new ArrayList<>(given);
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(empty.apply(rows.size()));
        }
        return rows;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }
}
