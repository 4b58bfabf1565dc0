package org.imagingcatalog.curation.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.curation.imports.CsvRecords.CsvRecord;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.validation.FieldError;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The public CSV export's columns read back as resource fields (the contract's JSON names), so that an imported row
 * is validated exactly as an API edit is. Lists are split at {@code ;}; identifiers are {@code scheme:value}; a risk
 * of bias domain is its risk and reason columns. Only the columns the file has are fields of a row: a column left
 * out changes nothing, an empty cell of a column the file has clears that field. Read-side columns: {@code version}
 * is compared with the entry's current version (a row exported from an older version is refused, as a stale edit
 * is), {@code updated} and {@code derivedFrom} (computed from the relations, which have no column) are ignored.
 *
 * <p>A cell starting with {@code =}, {@code +}, {@code -} or {@code @} is refused: a spreadsheet would run it as a
 * formula. A plain number ({@code -1}) is not a formula and is validated as the field's value. The export writes such
 * values with a leading apostrophe ({@code '=x}), which is taken off again, so the export's own cells round-trip.
 */
final class CsvColumns {

    /** The export's header, in its order (public-web's Csv.HEADER). */
    static final List<String> EXPORT = List.of("id", "name", "url", "description", "provider", "ct", "xray", "mri",
            "ultrasound", "metadata", "caseReview", "license", "access", "formats", "patients", "images", "studies",
            "annotations", "tags", "version", "updated", "referenceStandard", "population", "imageSource", "derivedFrom",
            "riskParticipants", "riskParticipantsReason", "riskReferenceStandard", "riskReferenceStandardReason",
            "riskImages", "riskImagesReason", "riskComposition", "riskCompositionReason", "identifiers");

    private static final Set<String> TEXT = Set.of("id", "name", "url", "description", "provider", "license", "access",
            "metadata", "caseReview", "referenceStandard", "population", "imageSource");
    private static final Set<String> LISTS = Set.of("formats", "annotations", "tags");
    private static final Set<String> COUNTS = Set.of("patients", "images", "studies");
    private static final Set<String> IGNORED = Set.of("updated", "derivedFrom");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");
    private static final String FORMULA_START = "=+-@";
    /** What the export puts an apostrophe in front of. */
    private static final String ESCAPED_START = "=+-@\t\r";

    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();

    private CsvColumns(List<String> header) {
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i), i);
        }
    }

    /** The rows of a CSV text: its first record is the header (the export's column names, any subset, any order). */
    static List<ImportRow> read(String text) {
        List<CsvRecord> records = CsvRecords.parse(text);
        if (records.isEmpty()) {
            throw ImportText.fileProblem("The file has no header line: nothing to import.");
        }
        CsvColumns columns = of(records.get(0).cells());
        if (records.size() == 1) {
            throw ImportText.fileProblem("The file has a header but no rows: nothing to import.");
        }
        List<ImportRow> rows = new ArrayList<>(records.size() - 1);
        for (int i = 1; i < records.size(); i++) {
            rows.add(columns.row(i, records.get(i)));
        }
        return rows;
    }

    static CsvColumns of(List<String> cells) {
        List<String> names = cells.stream().map(String::strip).toList();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!EXPORT.contains(name)) {
                throw ImportText.fileProblem("The header names a column \"" + name + "\" that the catalog's CSV export "
                        + "does not have. Known columns: " + String.join(", ", EXPORT) + ". Nothing was imported.");
            }
            if (!seen.add(name)) {
                throw ImportText.fileProblem("The header names the column \"" + name + "\" twice. Nothing was imported.");
            }
        }
        if (!seen.contains("id")) {
            throw ImportText.fileProblem("The header has no \"id\" column: each row must say which entry it is "
                    + "(an empty id makes a new entry, its id made from its name). Nothing was imported.");
        }
        return new CsvColumns(names);
    }

    private ImportRow row(int row, CsvRecord record) {
        List<FieldError> errors = new ArrayList<>();
        List<String> cells = record.cells();
        String rawId = cells.size() > index.get("id") ? clean("id", cells.get(index.get("id")), errors) : null;
        String id = rawId == null || rawId.isBlank() ? null : rawId.strip();
        if (cells.size() != header.size()) {
            errors.add(new FieldError("", "has " + cells.size() + " cell" + (cells.size() == 1 ? "" : "s")
                    + " (line " + record.line() + "), the header has " + header.size()
                    + ": a cell holding a comma or a line break must be quoted"));
            return new ImportRow(row, id, ResourceJson.mapper().createObjectNode(), null, errors);
        }
        ObjectNode edits = ResourceJson.mapper().createObjectNode();
        Integer exportedVersion = null;
        for (String column : header) {
            String value = clean(path(column), cells.get(index.get(column)), errors);
            String text = value == null || value.isBlank() ? null : value.strip();
            if (TEXT.contains(column)) {
                edits.put(column, text);
            } else if (LISTS.contains(column)) {
                edits.set(column, list(text));
            } else if (COUNTS.contains(column)) {
                count(child(edits, "counts"), column, text);
            } else if (isModality(column)) {
                child(edits, "modalities").put(column, text);
            } else if (column.equals("identifiers")) {
                edits.set("identifiers", identifiers(text));
            } else if (column.equals("version")) {
                exportedVersion = version(text, errors);
            } else if (column.startsWith("risk") && !column.endsWith("Reason")) {
                risk(edits, column, text, cells);
            }
            // "...Reason" cells are read with their risk (or alone, below); updated and derivedFrom are ignored
            else if (column.endsWith("Reason") && !index.containsKey(column.substring(0, column.length() - 6))) {
                riskDomain(edits, column.substring(0, column.length() - 6)).put("reason", text);
            }
        }
        return new ImportRow(row, id, edits, exportedVersion, errors);
    }

    /** A cell as the field's value: the export's apostrophe taken off; a formula refused (null, with the error). */
    private static String clean(String field, String cell, List<FieldError> errors) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && ESCAPED_START.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        if (!cell.isEmpty() && FORMULA_START.indexOf(cell.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(cell.strip()).matches()) {
            errors.add(new FieldError(field, "starts with \"" + cell.charAt(0) + "\": a spreadsheet would run it as a "
                    + "formula. If the text is meant, write it with a leading apostrophe ('" + cell.charAt(0)
                    + "...), as the catalog's export does"));
            return null;
        }
        return cell;
    }

    /** The JSON path of a column's field, as errors name it. */
    private static String path(String column) {
        if (COUNTS.contains(column)) {
            return "counts." + column;
        }
        if (isModality(column)) {
            return "modalities." + column;
        }
        if (column.startsWith("risk") && !IGNORED.contains(column)) {
            boolean reason = column.endsWith("Reason");
            String domain = domainKey(reason ? column.substring(0, column.length() - 6) : column);
            return "riskOfBias." + domain + (reason ? ".reason" : ".risk");
        }
        return column;
    }

    private static boolean isModality(String column) {
        return Arrays.stream(Modality.values()).anyMatch(m -> m.key().equals(column));
    }

    private static ArrayNode list(String text) {
        ArrayNode list = ResourceJson.mapper().createArrayNode();
        if (text != null) {
            Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(list::add);
        }
        return list;
    }

    private static void count(ObjectNode counts, String name, String text) {
        if (text == null) {
            counts.putNull(name);
            return;
        }
        try {
            counts.put(name, Long.parseLong(text));
        } catch (NumberFormatException e) {
            // validated as the API's body is: "must be a whole number or null"
            counts.put(name, text);
        }
    }

    private static ArrayNode identifiers(String text) {
        ArrayNode list = ResourceJson.mapper().createArrayNode();
        if (text == null) {
            return list;
        }
        for (String item : text.split(";")) {
            String one = item.strip();
            if (one.isEmpty()) {
                continue;
            }
            int colon = one.indexOf(':');
            ObjectNode identifier = list.addObject();
            identifier.put("scheme", colon < 0 ? "" : one.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            identifier.put("value", colon < 0 ? one : one.substring(colon + 1).strip());
        }
        return list;
    }

    private static Integer version(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("version", "must be the version the row was exported from, or empty"));
            return null;
        }
    }

    private void risk(ObjectNode edits, String column, String risk, List<String> cells) {
        Integer reasonAt = index.get(column + "Reason");
        String reasonCell = reasonAt == null ? null : cells.get(reasonAt);
        String reason = reasonCell == null || reasonCell.isBlank() ? null : reasonCell.strip();
        if (reasonCell != null && reasonCell.length() >= 2 && reasonCell.charAt(0) == '\''
                && ESCAPED_START.indexOf(reasonCell.charAt(1)) >= 0) {
            reason = reasonCell.substring(1).strip();
        }
        ObjectNode riskOfBias = child(edits, "riskOfBias");
        String domain = domainKey(column);
        if (risk == null && (reasonAt == null || reason == null)) {
            riskOfBias.putNull(domain);
            return;
        }
        ObjectNode judgement = riskOfBias.putObject(domain);
        judgement.put("risk", risk);
        if (reasonAt != null) {
            judgement.put("reason", reason);
        }
    }

    private static ObjectNode riskDomain(ObjectNode edits, String column) {
        return child(child(edits, "riskOfBias"), domainKey(column));
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
    }

    /** riskReferenceStandard -> referenceStandard */
    private static String domainKey(String column) {
        String rest = column.substring("risk".length());
        String key = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        return Arrays.stream(RiskDomain.values()).map(RiskDomain::key).filter(key::equals).findFirst().orElse(key);
    }
}
