package org.imagingcatalog.model.lineage;

import java.util.List;

/**
 * Two entries that may share images: the nearest sources they share ({@code shared}, an entry itself when
 * one is built from the other) and one path that joins them, as
 * {@code [a, relationType, node, relationType, ..., b]} read from left to right.
 */
public record OverlapPair(String a, String b, List<String> shared, List<String> path) {

    public OverlapPair {
        shared = List.copyOf(shared);
        path = List.copyOf(path);
    }
}
