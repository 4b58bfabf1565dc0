package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.lineage.Lineage;

/**
 * The overlap check of issue 15 in-process, without HTTP: catalog-model's {@link Lineage} built over a
 * {@link LineageGenerator} catalog, then overlap questions of 2 to 5 ids timed one by one, drawn from every entry
 * and from the derived entries alone (their questions walk the deep chains). What public-web adds on top (the
 * graph is built once per catalog version and shared) is HTTP and JSON, measured by the page half of the part.
 */
final class LineageOverlap {

    /** The timings of one pool of queried ids; how many answers found an overlap; ancestors of a queried entry. */
    record Timing(double p50, double p95, double p99, double max, int queries, int overlapping, double ancestorsP50,
            double ancestorsMax) {
    }

    /** One catalog size: its graph, how long {@link Lineage#of} took, and the timings per pool. */
    record Result(int entries, int derived, int relations, double buildMillis, Map<String, Timing> pools) {

        double worstP95() {
            return pools.values().stream().mapToDouble(Timing::p95).max().orElse(Double.NaN);
        }
    }

    /** Overlap questions asked (untimed) first, so the JIT has compiled the walk before it is timed. */
    private static final int WARM_UP = 2_000;

    private LineageOverlap() {
    }

    static Result measure(int size, int queries) {
        Random random = new Random(15);
        List<Resource> catalog = LineageGenerator.catalog(size, random);
        long start = System.nanoTime();
        Lineage lineage = Lineage.of(catalog);
        double buildMillis = (System.nanoTime() - start) / 1e6;
        List<String> all = catalog.stream().map(Resource::id).toList();
        List<String> derived = catalog.stream().filter(r -> !r.relations().isEmpty()).map(Resource::id).toList();
        for (int i = 0; i < WARM_UP; i++) {
            lineage.overlap(LineageGenerator.randomIds(all, random));
        }
        Map<String, Timing> pools = new LinkedHashMap<>();
        pools.put("any entries", time(lineage, all, queries, random));
        pools.put("derived entries", time(lineage, derived, queries, random));
        return new Result(size, derived.size(), catalog.stream().mapToInt(r -> r.relations().size()).sum(), buildMillis,
                pools);
    }

    private static Timing time(Lineage lineage, List<String> pool, int queries, Random random) {
        List<Double> millis = new ArrayList<>(queries);
        List<Integer> ancestors = new ArrayList<>(queries);
        int overlapping = 0;
        for (int q = 0; q < queries; q++) {
            List<String> ids = LineageGenerator.randomIds(pool, random);
            long start = System.nanoTime();
            boolean independent = lineage.overlap(ids).independent();
            millis.add((System.nanoTime() - start) / 1e6);
            overlapping += independent ? 0 : 1;
            // how deep the questions reached, so a fast answer is not mistaken for a shallow graph
            ancestors.add(lineage.ancestors(ids.get(0)).nodes().size());
        }
        return new Timing(Stats.percentile(millis, 50), Stats.percentile(millis, 95), Stats.percentile(millis, 99),
                Stats.max(millis), queries, overlapping, Stats.percentile(ancestors, 50), Stats.max(ancestors));
    }
}
