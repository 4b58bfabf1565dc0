package org.imagingcatalog.curation.imports;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The row table of an import: one row per record of the file, in the file's order. */
public record ImportReport(List<ReportRow> rows) {

    public ImportReport {
        rows = List.copyOf(rows);
    }

    /** How many rows have each outcome (every outcome named, zeros included). */
    public Map<String, Long> counts() {
        Map<RowOutcome, Long> byOutcome = new EnumMap<>(RowOutcome.class);
        for (RowOutcome outcome : RowOutcome.values()) {
            byOutcome.put(outcome, 0L);
        }
        rows.forEach(r -> byOutcome.merge(r.outcome(), 1L, Long::sum));
        Map<String, Long> counts = new LinkedHashMap<>();
        byOutcome.forEach((outcome, n) -> counts.put(outcome.name(), n));
        return counts;
    }

    public long count(RowOutcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The rows that would become versions: NEW and CHANGED. */
    @JsonIgnore
    public long toApply() {
        return count(RowOutcome.NEW) + count(RowOutcome.CHANGED);
    }

    @JsonIgnore
    public boolean hasInvalid() {
        return count(RowOutcome.INVALID) > 0;
    }
}
