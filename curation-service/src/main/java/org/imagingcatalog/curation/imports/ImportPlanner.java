package org.imagingcatalog.curation.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.curation.history.ResourceHistory;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.Validated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Decides what each row of an import does to the catalog as it stands, with the rules of an API edit: the row's
 * fields laid over the entry's current version (or over nothing, for a new entry), read and validated by
 * catalog-model, and compared with the current version as the history compares versions. Pure: the dry run and the
 * real run call it alike, so they agree row for row.
 */
final class ImportPlanner {

    /** A row with what applying it writes: {@code candidate} for NEW and CHANGED rows. */
    record Planned(ReportRow report, Resource candidate) {
    }

    private ImportPlanner() {
    }

    /** {@code current}: the current version of every entry a row names that the catalog has (by id). */
    static List<Planned> plan(List<ImportRow> rows, Map<String, Resource> current) {
        Map<String, Integer> firstRow = new HashMap<>();
        List<Planned> planned = new ArrayList<>(rows.size());
        for (ImportRow row : rows) {
            planned.add(plan(row, current, firstRow));
        }
        return planned;
    }

    /** The ids the rows name or will make (a row without an id takes one made from its name). */
    static List<String> ids(List<ImportRow> rows) {
        return rows.stream().map(ImportPlanner::idOf).filter(Slugs::isValid).distinct().toList();
    }

    private static Planned plan(ImportRow row, Map<String, Resource> current, Map<String, Integer> firstRow) {
        List<FieldError> errors = new ArrayList<>(row.errors());
        String id = idOf(row);
        Integer earlier = id == null ? null : firstRow.putIfAbsent(id, row.row());
        if (earlier != null) {
            errors.add(new FieldError("id", "\"" + id + "\" is already on row " + earlier
                    + " of this file: each entry may appear once in an import"));
        }
        Resource existing = id == null ? null : current.get(id);
        if (existing != null && row.exportedVersion() != null && !row.exportedVersion().equals(existing.version())) {
            errors.add(new FieldError("version", "the row is from version " + row.exportedVersion() + ", entry " + id
                    + " is at version " + existing.version() + " now: export it again, or empty the version to "
                    + "overwrite the newer version"));
        }
        JsonNode base = existing == null ? null : ResourceJson.tree(existing.content());
        ObjectNode merged = ResourceJson.overlay(base, row.edits());
        merged.remove("version");
        merged.remove("status");
        if (id != null) {
            merged.put("id", id);
        }
        Validated<Resource> validated = ResourceJson.fromJson(merged);
        Validated<Resource> read = new Validated<Resource>(null, errors).with(validated.errors());
        Resource candidate = read.isValid() ? validated.value() : null;
        String name = candidate != null ? candidate.name() : existing != null ? existing.name() : textOf(merged, "name");
        if (!read.isValid()) {
            return new Planned(new ReportRow(row.row(), id, name, RowOutcome.INVALID, List.of(), read.errors()), null);
        }
        if (existing == null) {
            List<FieldChange> changes = ResourceHistory.changes(null, candidate.withVersion(1, ResourceStatus.ACTIVE));
            return new Planned(new ReportRow(row.row(), id, name, RowOutcome.NEW, changes, List.of()), candidate);
        }
        List<FieldChange> changes = ResourceHistory.changes(existing,
                candidate.withVersion(existing.version() + 1, existing.status()));
        RowOutcome outcome = changes.isEmpty() ? RowOutcome.UNCHANGED : RowOutcome.CHANGED;
        return new Planned(new ReportRow(row.row(), id, name, outcome, changes, List.of()),
                outcome == RowOutcome.CHANGED ? candidate : null);
    }

    private static String idOf(ImportRow row) {
        if (row.id() != null) {
            return row.id();
        }
        String name = textOf(row.edits(), "name");
        return name == null ? null : Slugs.fromName(name);
    }

    private static String textOf(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
