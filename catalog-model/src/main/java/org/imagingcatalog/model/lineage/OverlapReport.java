package org.imagingcatalog.model.lineage;

import java.util.List;

/** The answer of {@code GET /api/v1/overlap?ids=...}: independent when no pair of them overlaps. */
public record OverlapReport(boolean independent, List<OverlapPair> pairs) {

    public OverlapReport {
        pairs = List.copyOf(pairs);
    }
}
