package org.imagingcatalog.model.lineage;

import java.util.List;

/** Part of the lineage graph around one entry, for drawing: its nodes (the entry first) and edges. */
public record LineageView(String id, List<LineageNode> nodes, List<LineageEdge> edges) {

    public LineageView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
