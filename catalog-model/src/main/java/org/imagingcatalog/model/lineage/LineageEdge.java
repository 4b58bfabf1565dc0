package org.imagingcatalog.model.lineage;

import org.imagingcatalog.model.trust.RelationType;

/**
 * "{@code from} {@code type} {@code to}", always pointing from the derivative or part to its source:
 * {@code type} is IsDerivedFrom, IsPartOf or IsIdenticalTo, whichever side stated it.
 */
public record LineageEdge(String from, RelationType type, String to) {
}
