package org.imagingcatalog.curation.imports;

import java.util.List;

import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.validation.FieldError;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One row of an import's table: {@code changes} as the history shows a version's (for a NEW row, every field it
 * sets), {@code errors} each bad field of an INVALID row; {@code name} the entry's name (as imported, else as it is).
 */
public record ReportRow(int row, String id, String name, RowOutcome outcome, List<FieldChange> changes,
        List<FieldError> errors) {

    @JsonIgnore
    public boolean isNew() {
        return outcome == RowOutcome.NEW;
    }

    @JsonIgnore
    public boolean isChanged() {
        return outcome == RowOutcome.CHANGED;
    }

    @JsonIgnore
    public boolean isInvalid() {
        return outcome == RowOutcome.INVALID;
    }
}
