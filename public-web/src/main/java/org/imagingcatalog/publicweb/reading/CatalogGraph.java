package org.imagingcatalog.publicweb.reading;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.imagingcatalog.model.lineage.Lineage;
import org.imagingcatalog.model.lineage.LineageEdge;
import org.imagingcatalog.model.lineage.LineageView;
import org.imagingcatalog.model.trust.RelationType;

/**
 * The lineage of the whole published catalog (listed and withdrawn entries: a withdrawn entry's images were shared
 * all the same) as it was at one catalog stamp, with each entry's name. Immutable; {@link CatalogGraphs} builds it
 * once per stamp.
 */
public final class CatalogGraph {

    /** An entry of the graph: its id, its name and whether it is withdrawn. */
    public record Known(String id, String name, boolean withdrawn) {
    }

    private final long stamp;
    private final Lineage lineage;
    private final Map<String, Known> entries;

    CatalogGraph(long stamp, Lineage lineage, Map<String, Known> entries) {
        this.stamp = stamp;
        this.lineage = lineage;
        this.entries = Map.copyOf(entries);
    }

    /** The catalog stamp (change counter) this graph was built at. */
    public long stamp() {
        return stamp;
    }

    public Lineage lineage() {
        return lineage;
    }

    public boolean contains(String id) {
        return id != null && entries.containsKey(id) && lineage.contains(id);
    }

    /** The catalog entry with this id; empty for an outside source (a URL or DOI) or an unknown id. */
    public Optional<Known> entry(String id) {
        return Optional.ofNullable(id == null ? null : entries.get(id));
    }

    /**
     * What the entry is built from directly: the nodes it is derived from or part of, in the order of the graph's
     * edges (catalog ids, or the addresses and DOIs of outside sources). Not IsIdenticalTo.
     */
    public List<String> sources(String id) {
        if (!contains(id)) {
            return List.of();
        }
        return directSources(lineage.ancestors(id), id);
    }

    static List<String> directSources(LineageView view, String id) {
        return view.edges().stream().filter(e -> e.from().equals(id) && e.type() != RelationType.IS_IDENTICAL_TO)
                .map(LineageEdge::to).distinct().toList();
    }
}
