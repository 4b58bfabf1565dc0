package org.imagingcatalog.model.lineage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.RelationType;

/**
 * Which catalog entries are built from which: the graph of their lineage relations, and whether entries
 * share images. Two entries overlap when one is built from the other, or both from a common source (an
 * entry or an outside source), at any depth; two that only feed a common third one do not. Every walk
 * keeps a visited set, so a cycle in the relations ends it. Immutable and safe to share between threads;
 * build it again when the catalog changes.
 */
public final class Lineage {

    private final List<String> labels;
    private final int entryCount;
    private final Map<String, Integer> entries;
    private final int[][] up;
    private final int[][] down;
    private final int[][] edgeEnds;
    private final RelationType[] edgeTypes;

    /** One step of a walk: the node it came from, over which edge, and how far from the start. */
    private record Step(int previous, int edge, int distance) {
    }

    Lineage(List<String> labels, int entryCount, Map<String, Integer> entries, int[][] up, int[][] down,
            int[][] edgeEnds, RelationType[] edgeTypes) {
        this.labels = labels;
        this.entryCount = entryCount;
        this.entries = entries;
        this.up = up;
        this.down = down;
        this.edgeEnds = edgeEnds;
        this.edgeTypes = edgeTypes;
    }

    /** The lineage of these entries (withdrawn ones too, if they are passed: their images were shared all the same). */
    public static Lineage of(Collection<Resource> catalog) {
        return LineageBuilder.build(catalog);
    }

    public boolean contains(String id) {
        return entries.containsKey(id);
    }

    /** The entry and everything it is built from, at any depth. */
    public LineageView ancestors(String id) {
        return view(id, true, false);
    }

    /** The entry and everything built from it, at any depth. */
    public LineageView descendants(String id) {
        return view(id, false, true);
    }

    /** The entry with its ancestors and its descendants. */
    public LineageView lineage(String id) {
        return view(id, true, true);
    }

    /** Which of these entries may share images, pair by pair in the order given, and through which path. */
    public OverlapReport overlap(List<String> ids) {
        List<Integer> nodes = new LinkedHashSet<>(ids).stream().map(this::node).toList();
        List<Map<Integer, Step>> reach = nodes.stream().map(n -> walk(n, up)).toList();
        List<OverlapPair> pairs = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                pair(nodes.get(i), reach.get(i), nodes.get(j), reach.get(j)).ifPresent(pairs::add);
            }
        }
        return new OverlapReport(pairs.isEmpty(), pairs);
    }

    private int node(String id) {
        Integer node = entries.get(id);
        if (node == null) {
            throw new IllegalArgumentException("not in the catalog: " + id);
        }
        return node;
    }

    /**
     * Whether {@code a} and {@code b} overlap. Their common ancestors (each counting as its own) hold every
     * shared source; the nearest are those where a path from each of them first meets the others, and the
     * path shown runs through the nearest of all.
     */
    private Optional<OverlapPair> pair(int a, Map<Integer, Step> fromA, int b, Map<Integer, Step> fromB) {
        Set<Integer> common = new HashSet<>(fromA.keySet());
        common.retainAll(fromB.keySet());
        if (common.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> nearestFromA = firstMet(fromA, common);
        Set<Integer> nearestFromB = firstMet(fromB, common);
        Set<Integer> nearest = new LinkedHashSet<>(nearestFromA);
        nearest.retainAll(nearestFromB);
        if (nearest.isEmpty()) {
            // only where the shared sources lie on a cycle, which each side enters at another node
            nearest = nearestFromA;
            nearest.addAll(nearestFromB);
        }
        List<Integer> shared = nearest.stream().sorted(Comparator
                .comparingInt((Integer n) -> fromA.get(n).distance() + fromB.get(n).distance())
                .thenComparing(labels::get)).toList();
        int meeting = shared.get(0);
        List<String> path = pathUp(a, meeting, fromA);
        List<String> down = pathDown(meeting, b, fromB);
        path.addAll(down.subList(1, down.size()));
        List<String> sharedLabels = shared.stream().map(labels::get).toList();
        return Optional.of(new OverlapPair(labels.get(a), labels.get(b), sharedLabels, path));
    }

    /** The common nodes a walk meets first: its start, if common, and each common node reached from one that is not. */
    private Set<Integer> firstMet(Map<Integer, Step> walk, Set<Integer> common) {
        Set<Integer> first = new LinkedHashSet<>();
        for (Map.Entry<Integer, Step> visited : walk.entrySet()) {
            int node = visited.getKey();
            if (common.contains(node)) {
                if (visited.getValue().distance() == 0) {
                    first.add(node);
                }
                continue;
            }
            for (int edge : up[node]) {
                int next = other(edge, node);
                if (common.contains(next)) {
                    first.add(next);
                }
            }
        }
        return first;
    }

    /** {@code [start, type, node, ..., end]} up the walk's steps, each type as the lower node states it. */
    private List<String> pathUp(int start, int end, Map<Integer, Step> walk) {
        List<String> path = new ArrayList<>();
        for (int node = end; node != start; node = walk.get(node).previous()) {
            path.add(labels.get(node));
            path.add(edgeTypes[walk.get(node).edge()].dataCite());
        }
        path.add(labels.get(start));
        Collections.reverse(path);
        return path;
    }

    /** {@code [source, type, node, ..., end]}: the walk from {@code end} up to the source, read downwards. */
    private List<String> pathDown(int source, int end, Map<Integer, Step> walk) {
        List<String> path = new ArrayList<>();
        for (int node = source; node != end; node = walk.get(node).previous()) {
            path.add(labels.get(node));
            path.add(LineageTypes.towardsDerivative(edgeTypes[walk.get(node).edge()]).dataCite());
        }
        path.add(labels.get(end));
        return path;
    }

    /** Breadth-first from {@code start} along {@code edges}: every node reached once, with the step that reached it. */
    private Map<Integer, Step> walk(int start, int[][] edges) {
        Map<Integer, Step> reached = new LinkedHashMap<>();
        reached.put(start, new Step(-1, -1, 0));
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int node = queue.poll();
            int distance = reached.get(node).distance() + 1;
            for (int edge : edges[node]) {
                int next = other(edge, node);
                if (!reached.containsKey(next)) {
                    reached.put(next, new Step(node, edge, distance));
                    queue.add(next);
                }
            }
        }
        return reached;
    }

    private int other(int edge, int node) {
        return edgeEnds[edge][0] == node ? edgeEnds[edge][1] : edgeEnds[edge][0];
    }

    private LineageView view(String id, boolean ancestors, boolean descendants) {
        int root = node(id);
        Map<Integer, Step> reached = new LinkedHashMap<>();
        Set<Integer> edges = new LinkedHashSet<>();
        List<int[][]> directions = ancestors && descendants ? List.of(up, down)
                : List.<int[][]>of(ancestors ? up : down);
        for (int[][] direction : directions) {
            Map<Integer, Step> walk = walk(root, direction);
            walk.forEach(reached::putIfAbsent);
            walk.keySet().forEach(n -> {
                for (int edge : direction[n]) {
                    edges.add(edge);
                }
            });
        }
        List<LineageNode> nodes = reached.keySet().stream()
                .map(n -> new LineageNode(labels.get(n), n >= entryCount)).toList();
        List<LineageEdge> lineageEdges = edges.stream().map(e -> new LineageEdge(labels.get(edgeEnds[e][0]),
                edgeTypes[e], labels.get(edgeEnds[e][1]))).toList();
        return new LineageView(id, nodes, lineageEdges);
    }
}
