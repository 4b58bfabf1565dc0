package org.imagingcatalog.model.lineage;

/**
 * A node of the lineage graph: a catalog entry by its id, or a source outside the catalog by the address
 * or DOI a relation names it with ({@code external}).
 */
public record LineageNode(String id, boolean external) {
}
