package org.imagingcatalog.curation.imports;

import java.util.List;

import org.imagingcatalog.model.validation.FieldError;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record of an import file as fields to lay over the entry it names (or to build a new one from): only the
 * fields the file has. {@code row}: its place among the records (1 = the first after a CSV's header, the first
 * element of a JSON array); {@code id}: as the record states it (null if none); {@code exportedVersion}: the version
 * the record says it was exported from (null if it does not say); {@code errors}: what is wrong with the record itself
 * before any validation (a formula, a wrong number of cells).
 */
public record ImportRow(int row, String id, ObjectNode edits, Integer exportedVersion, List<FieldError> errors) {

    public ImportRow {
        errors = List.copyOf(errors);
    }
}
