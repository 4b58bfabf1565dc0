package org.imagingcatalog.curation.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.imagingcatalog.curation.curating.CurationActions;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceFields;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.TrustForm;

/**
 * The resource's fields as an HTML form: values, options, help and the error next to each field. The trust fields
 * use the form names of catalog-model's {@link TrustForm}; their lists (relations, identifiers, provenance) are rows
 * of repeated fields, each row with its own labelled inputs, plus spare empty rows to add one.
 */
public final class ResourceForm {

    /** One choice of a select: the value posted and what the curator reads. */
    public record Option(String value, String label) {
    }

    /**
     * One input of the form. {@code key}: what its id and its error are known by (the field name, or for a trust
     * field the model's path such as {@code relations[0].type}); {@code kind}: text, url, textarea, number, date,
     * select or checkbox.
     */
    public record Field(String key, String name, String label, String kind, String value, String help,
            List<Option> choices, String error, boolean readonly, boolean checked) {

        public Field(String key, String name, String label, String kind, String value, String help,
                List<Option> choices, String error, boolean readonly) {
            this(key, name, label, kind, value, help, choices, error, readonly, false);
        }

        public String id() {
            return "f-" + key;
        }

        /** The values a select offers. */
        public List<String> options() {
            return choices.stream().map(Option::value).toList();
        }
    }

    /**
     * A group of inputs with its legend: a row of a repeated list (a relation, an identifier, a provenance entry),
     * or a risk-of-bias domain (its judgement and the reason). {@code key}: the group's path, e.g. {@code relations[0]}.
     */
    public record Row(String key, String legend, List<Field> fields) {
    }

    /**
     * The trust fields of the form: the three single choices, the risk of bias per domain, the rows of relations,
     * identifiers and provenance, the field paths provenance may name (offered as suggestions), and an error that
     * concerns a group as a whole.
     */
    public record TrustView(List<Field> singles, List<Row> risks, List<Row> relations, List<Row> identifiers,
            List<Row> provenance, List<String> fieldPaths, Map<String, String> groupErrors) {
    }

    /** Empty rows offered after the filled ones, to add an item without script. */
    static final int SPARE_ROWS = 2;

    private static final List<String> FLAGS = Arrays.stream(Availability.values()).map(Enum::name).toList();
    private static final List<String> ACCESS = Arrays.stream(Access.values()).map(Enum::name).toList();
    private static final List<String> RELATION_ROW = List.of(TrustForm.RELATION_TYPE, TrustForm.RELATION_TARGET,
            TrustForm.RELATION_NOTE);
    private static final List<String> IDENTIFIER_ROW = List.of(TrustForm.IDENTIFIER_SCHEME, TrustForm.IDENTIFIER_VALUE);
    private static final List<String> PROVENANCE_ROW = List.of(TrustForm.PROVENANCE_FIELD, TrustForm.PROVENANCE_SOURCE,
            TrustForm.PROVENANCE_VERIFIED_ON, TrustForm.PROVENANCE_VERIFIED_BY);
    private static final Pattern LIST_ITEM = Pattern.compile("^(relations|identifiers)\\[(\\d+)](?:\\.(\\w+))?");

    private ResourceForm() {
    }

    /** Every form value of a resource, the repeated rows of its trust fields included; empty for none. */
    public static Map<String, List<String>> values(Resource resource) {
        return resource == null ? new LinkedHashMap<>() : new LinkedHashMap<>(ResourceReader.toFormValues(resource));
    }

    /** The values a form posted, to show them again. */
    public static Map<String, List<String>> values(Map<String, List<String>> form) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v == null ? List.of() : List.copyOf(v.stream().map(s -> s == null ? "" : s)
                .toList())));
        return values;
    }

    /** Errors keyed as {@link Field#key()}: modalities.ct -> ct, counts.patients -> patients, tags[2] -> tags. */
    public static Map<String, String> errors(List<FieldError> errors) {
        return errors(errors, Map.of());
    }

    /**
     * Errors keyed as {@link Field#key()}. Trust fields keep the model's path ({@code riskOfBias.images.reason},
     * {@code relations[1].target}) with list items numbered by the form's rows (a row left empty is no item), and a
     * provenance error goes to the row that names its field ({@code provenance[2].source}).
     */
    public static Map<String, String> errors(List<FieldError> errors, Map<String, List<String>> posted) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError e : errors) {
            byField.putIfAbsent(key(e.field(), posted), e.message());
        }
        return byField;
    }

    private static String key(String path, Map<String, List<String>> posted) {
        String top = path.split("[.\\[]", 2)[0];
        if (!ResourceFields.TRUST.contains(top)) {
            String field = path.replaceAll("\\[\\d+]$", "");
            field = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            return field.isEmpty() ? "form" : field;
        }
        Matcher item = LIST_ITEM.matcher(path);
        if (item.find()) {
            boolean relation = item.group(1).equals("relations");
            List<Integer> rows = filledRows(posted, relation ? RELATION_ROW : IDENTIFIER_ROW);
            int index = Integer.parseInt(item.group(2));
            int row = index < rows.size() ? rows.get(index) : index;
            String member = item.group(3) != null ? item.group(3) : relation ? "target" : "value";
            return item.group(1) + "[" + row + "]." + member;
        }
        if (path.startsWith("provenance.")) {
            List<String> names = posted.getOrDefault(TrustForm.PROVENANCE_FIELD, List.of());
            String rest = path.substring("provenance.".length());
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i) == null ? "" : names.get(i).trim();
                if (!name.isEmpty() && (rest.equals(name) || rest.startsWith(name + "."))) {
                    String member = rest.equals(name) ? "field" : rest.substring(name.length() + 1);
                    return "provenance[" + i + "]." + member;
                }
            }
            return "provenance";
        }
        return path;
    }

    /** The indices of the form's rows that hold anything: the model numbers only these. */
    private static List<Integer> filledRows(Map<String, List<String>> posted, List<String> names) {
        int count = rowCount(posted, names);
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int row = i;
            if (names.stream().anyMatch(n -> !value(posted, n, row).isBlank())) {
                filled.add(i);
            }
        }
        return filled;
    }

    public static List<Field> fields(Map<String, List<String>> values, Map<String, String> errors, boolean idReadonly) {
        List<Field> fields = new ArrayList<>();
        fields.add(text("id", "Id", "text", "3 to 80 lowercase letters, digits and hyphens; never changes.", values, errors, idReadonly));
        fields.add(text("name", "Name", "text", null, values, errors, false));
        fields.add(text("url", "URL", "url", "Absolute http(s) address of the data set.", values, errors, false));
        fields.add(text("description", "Description", "textarea", null, values, errors, false));
        fields.add(text("provider", "Provider", "text", "Institution or person.", values, errors, false));
        for (Modality m : Modality.values()) {
            fields.add(select(m.key(), m.key(), m.label(), options(FLAGS), "Y yes, N no, U unknown.", first(values, m.key()),
                    errors));
        }
        fields.add(select("metadata", "metadata", "Patient metadata", options(FLAGS), "Y yes, N no, U unknown.",
                first(values, "metadata"), errors));
        fields.add(select("caseReview", "caseReview", "Case reviews", options(FLAGS), "Y yes, N no, U unknown.",
                first(values, "caseReview"), errors));
        fields.add(text("license", "Licence", "text", "SPDX id where one fits.", values, errors, false));
        fields.add(select("access", "access", "Access", options(ACCESS), null, first(values, "access"), errors));
        fields.add(text("formats", "Formats", "text", "Comma-separated, e.g. DICOM, PNG.", values, errors, false));
        fields.add(text("patients", "Patients", "number", "Whole number; empty if unknown.", values, errors, false));
        fields.add(text("images", "Images", "number", "Whole number; empty if unknown.", values, errors, false));
        fields.add(text("studies", "Studies", "number", "Whole number; empty if unknown.", values, errors, false));
        fields.add(text("annotations", "Annotations", "text", "Comma-separated, e.g. segmentation, report.", values, errors, false));
        fields.add(text("tags", "Tags", "text", "Comma-separated.", values, errors, false));
        return fields;
    }

    /** The trust fields of the form with these values (a resource's or a post's) and errors. */
    public static TrustView trust(Map<String, List<String>> values, Map<String, String> errors) {
        List<Field> singles = List.of(
                select("referenceStandard", "referenceStandard", "Reference standard",
                        described(ReferenceStandard.values(), ReferenceStandard::label),
                        "How the labels (COVID-19 or not, findings) were established.",
                        vocabulary(first(values, "referenceStandard"), ReferenceStandard::parse, "UNKNOWN"), errors),
                select("population", "population", "Population", described(Population.values(), Population::label),
                        "Whose images: adults, children or both.",
                        vocabulary(first(values, "population"), Population::parse, "UNKNOWN"), errors),
                select("imageSource", "imageSource", "Image source", described(ImageSource.values(), ImageSource::label),
                        "Where the images come from: hospital systems, or copied from papers and web pages.",
                        vocabulary(first(values, "imageSource"), ImageSource::parse, "UNKNOWN"), errors));

        List<Option> risks = new ArrayList<>();
        risks.add(new Option("", "not assessed"));
        Arrays.stream(Risk.values()).forEach(r -> risks.add(new Option(r.name(), r.name())));
        List<Row> domains = new ArrayList<>();
        for (RiskDomain d : RiskDomain.values()) {
            String path = "riskOfBias." + d.key();
            Field risk = select(path + ".risk", TrustForm.risk(d), "Risk of bias: " + d.label(), risks,
                    "LOW, HIGH or UNCLEAR, after PROBAST; not assessed when no stated fact settles it.",
                    vocabulary(first(values, TrustForm.risk(d)), Risk::parse, ""), errors);
            Field reason = new Field(path + ".reason", TrustForm.reason(d), "Reason for the " + d.label() + " judgement",
                    "text", first(values, TrustForm.reason(d)),
                    "Required with a judgement: the stated fact that settles it, e.g. paediatric images as controls.",
                    List.of(), errors.get(path + ".reason"), false);
            domains.add(new Row(path, capitalised(d.label()), List.of(risk, reason)));
        }

        List<Option> types = new ArrayList<>();
        types.add(new Option("", "choose a relation"));
        Arrays.stream(RelationType.values()).forEach(t -> types.add(new Option(t.dataCite(), t.dataCite())));
        List<Row> relations = new ArrayList<>();
        int relationRows = rowCount(values, RELATION_ROW) + SPARE_ROWS;
        for (int i = 0; i < relationRows; i++) {
            String path = "relations[" + i + "]";
            String n = "Relation " + (i + 1);
            relations.add(new Row(path, n, List.of(
                    select(path + ".type", TrustForm.RELATION_TYPE, n + ": type", types,
                            "A DataCite relation: IsDerivedFrom (built from the target), IsPartOf, IsIdenticalTo, ...",
                            vocabulary(value(values, TrustForm.RELATION_TYPE, i), t -> RelationType.parse(t).dataCite(), ""),
                            errors),
                    new Field(path + ".target", TrustForm.RELATION_TARGET, n + ": target", "text",
                            value(values, TrustForm.RELATION_TARGET, i),
                            "A catalog id such as covid-ct, an http(s) address or a DOI.", List.of(),
                            errors.get(path + ".target"), false),
                    new Field(path + ".note", TrustForm.RELATION_NOTE, n + ": note", "text",
                            value(values, TrustForm.RELATION_NOTE, i), "Optional: what was taken, e.g. COVID-19 positives.",
                            List.of(), errors.get(path + ".note"), false))));
        }

        List<Option> schemes = new ArrayList<>();
        schemes.add(new Option("", "choose a registry"));
        Arrays.stream(IdentifierScheme.values()).forEach(s -> schemes.add(new Option(s.key(), s.key() + ": " + s.rule())));
        List<Row> identifiers = new ArrayList<>();
        int identifierRows = rowCount(values, IDENTIFIER_ROW) + SPARE_ROWS;
        for (int i = 0; i < identifierRows; i++) {
            String path = "identifiers[" + i + "]";
            String n = "Identifier " + (i + 1);
            identifiers.add(new Row(path, n, List.of(
                    select(path + ".scheme", TrustForm.IDENTIFIER_SCHEME, n + ": registry", schemes, null,
                            vocabulary(value(values, TrustForm.IDENTIFIER_SCHEME, i), s -> IdentifierScheme.parse(s).key(), ""),
                            errors),
                    new Field(path + ".value", TrustForm.IDENTIFIER_VALUE, n + ": value", "text",
                            value(values, TrustForm.IDENTIFIER_VALUE, i),
                            "In any spelling, e.g. https://doi.org/10.5281/zenodo.3757476 or doi:10.5281/zenodo.3757476.",
                            List.of(), errors.get(path + ".value"), false))));
        }

        List<String> ticked = values.getOrDefault(CurationActions.VERIFIED_NOW, List.of());
        List<Row> provenance = new ArrayList<>();
        int provenanceRows = rowCount(values, PROVENANCE_ROW) + SPARE_ROWS;
        for (int i = 0; i < provenanceRows; i++) {
            String path = "provenance[" + i + "]";
            String n = "Source " + (i + 1);
            String index = String.valueOf(i);
            provenance.add(new Row(path, n, List.of(
                    new Field(path + ".field", TrustForm.PROVENANCE_FIELD, n + ": field", "fieldpath",
                            value(values, TrustForm.PROVENANCE_FIELD, i),
                            "The field this source confirms, e.g. counts.patients, referenceStandard or relations[0].",
                            List.of(), errors.get(path + ".field"), false),
                    new Field(path + ".source", TrustForm.PROVENANCE_SOURCE, n + ": verified from", "url",
                            value(values, TrustForm.PROVENANCE_SOURCE, i),
                            "The http(s) address where the value was read.", List.of(), errors.get(path + ".source"), false),
                    new Field(path + ".verifiedOn", TrustForm.PROVENANCE_VERIFIED_ON, n + ": verified on", "date",
                            value(values, TrustForm.PROVENANCE_VERIFIED_ON, i), "The day, e.g. 2026-12-03.", List.of(),
                            errors.get(path + ".verifiedOn"), false),
                    new Field(path + ".verifiedBy", TrustForm.PROVENANCE_VERIFIED_BY, n + ": verified by", "text",
                            value(values, TrustForm.PROVENANCE_VERIFIED_BY, i), "Who checked it (optional).", List.of(),
                            errors.get(path + ".verifiedBy"), false),
                    new Field(path + ".verifiedNow", CurationActions.VERIFIED_NOW, n + ": verified today by me", "checkbox",
                            index, "When saved, sets the day to today and \"verified by\" to your user name.", List.of(),
                            null, false, ticked.contains(index)))));
        }

        Map<String, String> groupErrors = new LinkedHashMap<>();
        Stream.of("relations", "identifiers", "provenance")
                .forEach(g -> groupErrors.put(g, errors.getOrDefault(g, "")));
        return new TrustView(singles, domains, relations, identifiers, provenance, fieldPaths(values), groupErrors);
    }

    /** The field paths a provenance row may name, offered as suggestions (any field path of the resource is allowed). */
    private static List<String> fieldPaths(Map<String, List<String>> values) {
        List<String> paths = new ArrayList<>(List.of("name", "url", "description", "provider"));
        Arrays.stream(Modality.values()).forEach(m -> paths.add("modalities." + m.key()));
        paths.addAll(List.of("metadata", "caseReview", "license", "access", "formats", "counts.patients", "counts.images",
                "counts.studies", "annotations", "tags", "relations"));
        int relations = filledRows(values, RELATION_ROW).size();
        for (int i = 0; i < relations; i++) {
            paths.add("relations[" + i + "]");
        }
        paths.add("identifiers");
        paths.addAll(List.of("referenceStandard", "population", "imageSource"));
        Arrays.stream(RiskDomain.values()).forEach(d -> paths.add("riskOfBias." + d.key()));
        return paths;
    }

    private static int rowCount(Map<String, List<String>> values, List<String> names) {
        return names.stream().mapToInt(n -> values.getOrDefault(n, List.of()).size()).max().orElse(0);
    }

    private static String value(Map<String, List<String>> values, String name, int row) {
        List<String> list = values.getOrDefault(name, List.of());
        return row < list.size() && list.get(row) != null ? list.get(row) : "";
    }

    private static String first(Map<String, List<String>> values, String name) {
        return value(values, name, 0);
    }

    /** The vocabulary's spelling of a posted value (e.g. "rt-pcr" -> RT_PCR), or the value as posted if it has none. */
    private static String vocabulary(String raw, java.util.function.Function<String, Object> parse, String whenBlank) {
        if (raw == null || raw.isBlank()) {
            return whenBlank;
        }
        try {
            Object parsed = parse.apply(raw);
            return parsed instanceof Enum<?> e ? e.name() : String.valueOf(parsed);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static <E extends Enum<E>> List<Option> described(E[] values, java.util.function.Function<E, String> label) {
        return Arrays.stream(values).map(v -> new Option(v.name(), v.name() + ": " + label.apply(v))).toList();
    }

    private static List<Option> options(List<String> values) {
        return values.stream().map(v -> new Option(v, v)).toList();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static Field text(String name, String label, String kind, String help, Map<String, List<String>> values,
            Map<String, String> errors, boolean readonly) {
        return new Field(name, name, label, kind, first(values, name), help, List.of(), errors.get(name), readonly);
    }

    private static Field select(String key, String name, String label, List<Option> options, String help, String value,
            Map<String, String> errors) {
        String shown = value == null || value.isEmpty() && options.stream().noneMatch(o -> o.value().isEmpty())
                ? options.get(options.size() - 1).value() : value;
        return new Field(key, name, label, "select", shown, help, options, errors.get(key), false);
    }
}
