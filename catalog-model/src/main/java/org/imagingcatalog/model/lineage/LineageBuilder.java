package org.imagingcatalog.model.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.identity.IdentityKeys;
import org.imagingcatalog.model.identity.KnownAs;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;

/**
 * Builds the lineage graph of a catalog: one node per entry, one per outside source, one edge per lineage
 * relation. A relation's target resolves to every entry known by it (its id, its address, any of its
 * identifiers, in any spelling); that happens here, so an entry that arrived after the relation was written
 * is found as soon as the graph is built again. A target that no entry is known by stays an outside node,
 * shared by every relation that names it.
 */
final class LineageBuilder {

    private final List<String> labels = new ArrayList<>();
    private final Map<String, Integer> entries = new HashMap<>();
    private final Map<String, List<Integer>> knownBy = new HashMap<>();
    private final Map<String, Integer> outside = new HashMap<>();
    private final List<int[]> edgeEnds = new ArrayList<>();
    private final List<RelationType> edgeTypes = new ArrayList<>();
    private final Set<List<Object>> seenEdges = new HashSet<>();

    private LineageBuilder() {
    }

    static Lineage build(Collection<Resource> catalog) {
        List<Resource> sorted = catalog.stream().filter(r -> r.id() != null)
                .sorted(Comparator.comparing(Resource::id)).toList();
        LineageBuilder builder = new LineageBuilder();
        sorted.forEach(builder::addEntry);
        sorted.forEach(builder::addRelations);
        return builder.lineage(sorted.size());
    }

    private void addEntry(Resource entry) {
        int node = labels.size();
        labels.add(entry.id());
        entries.put(entry.id(), node);
        knownBy.computeIfAbsent(IdentityKeys.ofId(entry.id()), k -> new ArrayList<>()).add(node);
        for (KnownAs known : IdentityKeys.of(entry)) {
            List<Integer> nodes = knownBy.computeIfAbsent(known.key(), k -> new ArrayList<>());
            if (!nodes.contains(node)) {
                nodes.add(node);
            }
        }
    }

    private void addRelations(Resource entry) {
        int self = entries.get(entry.id());
        for (Relation relation : entry.relations()) {
            RelationType type = relation.type();
            Optional<String> key = IdentityKeys.ofTarget(relation.target());
            if (!LineageTypes.isLineage(type) || key.isEmpty()) {
                continue;
            }
            for (int target : resolve(key.get(), relation.target())) {
                if (target == self) {
                    continue;
                }
                boolean stated = LineageTypes.pointsToSource(type);
                addEdge(stated ? self : target, LineageTypes.towardsSource(type), stated ? target : self);
            }
        }
    }

    private List<Integer> resolve(String key, String target) {
        List<Integer> known = knownBy.get(key);
        if (known != null) {
            return known;
        }
        return List.of(outside.computeIfAbsent(key, k -> {
            labels.add(target);
            return labels.size() - 1;
        }));
    }

    private void addEdge(int from, RelationType type, int to) {
        if (seenEdges.add(List.of(from, type, to))) {
            edgeEnds.add(new int[] {from, to});
            edgeTypes.add(type);
        }
    }

    private Lineage lineage(int entryCount) {
        int nodes = labels.size();
        int edges = edgeTypes.size();
        List<List<Integer>> up = new ArrayList<>();
        List<List<Integer>> down = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            up.add(new ArrayList<>(1));
            down.add(new ArrayList<>(1));
        }
        for (int e = 0; e < edges; e++) {
            int from = edgeEnds.get(e)[0];
            int to = edgeEnds.get(e)[1];
            up.get(from).add(e);
            down.get(to).add(e);
            if (edgeTypes.get(e) == RelationType.IS_IDENTICAL_TO) {
                up.get(to).add(e);
                down.get(from).add(e);
            }
        }
        return new Lineage(List.copyOf(labels), entryCount, Map.copyOf(entries), toArrays(up), toArrays(down),
                edgeEnds.toArray(int[][]::new), edgeTypes.toArray(RelationType[]::new));
    }

    private static int[][] toArrays(List<List<Integer>> lists) {
        return lists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }
}
