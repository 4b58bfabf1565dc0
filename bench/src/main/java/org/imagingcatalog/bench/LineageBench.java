package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.lineage.Lineage;
import org.imagingcatalog.model.lineage.OverlapReport;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.TrustFields;

/**
 * The overlap check of issue 15 on a generated catalog: builds catalog-model's {@link Lineage} for 100,000
 * entries and times 1,000 overlap queries (2 to 5 ids each). Goal: p95 < 20 ms. Not part of {@code bench/run}:
 * run it with {@code java -cp <bench classpath> org.imagingcatalog.bench.LineageBench [entries] [queries]}.
 *
 * <p>The lineage graph is like the real one, only larger: most entries are primary collections; about a third
 * are built from one to three sources, which are earlier entries (named by id, by their address in another
 * spelling, or by DOI) or one of 2,000 outside sources (hospital archives, challenge pages). Sources are often
 * derived entries themselves, so chains run deep; some entries are stated identical to another, some sources
 * name their derivative (IsSourceOf), and 200 pairs of entries are built from each other (cycles).
 */
public final class LineageBench {

    private static final int OUTSIDE_SOURCES = 2_000;
    private static final int CYCLES = 200;

    private LineageBench() {
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Random random = new Random(15);
        List<Resource> catalog = generate(size, random);

        long buildStart = System.nanoTime();
        Lineage lineage = Lineage.of(catalog);
        double buildMs = (System.nanoTime() - buildStart) / 1e6;

        List<String> derivedIds = catalog.stream().filter(r -> !r.relations().isEmpty()).map(Resource::id).toList();
        List<String> allIds = catalog.stream().map(Resource::id).toList();
        for (int warmUp = 0; warmUp < 2_000; warmUp++) {
            lineage.overlap(randomIds(allIds, random));
        }
        System.out.printf(Locale.ROOT, "entries %d (%d derived), relations %d, build %.0f ms%n", size,
                derivedIds.size(), catalog.stream().mapToInt(r -> r.relations().size()).sum(), buildMs);
        measure("any entries", lineage, allIds, queries, random);
        measure("derived entries", lineage, derivedIds, queries, random);
    }

    /** Times {@code queries} overlap checks of 2 to 5 ids drawn from {@code pool}. */
    private static void measure(String what, Lineage lineage, List<String> pool, int queries, Random random) {
        List<Double> millis = new ArrayList<>();
        List<Integer> ancestors = new ArrayList<>();
        int overlapping = 0;
        for (int q = 0; q < queries; q++) {
            List<String> ids = randomIds(pool, random);
            long start = System.nanoTime();
            OverlapReport report = lineage.overlap(ids);
            millis.add((System.nanoTime() - start) / 1e6);
            overlapping += report.independent() ? 0 : 1;
            ancestors.add(lineage.ancestors(ids.get(0)).nodes().size());
        }
        System.out.printf(Locale.ROOT, "%s, %d queries of 2-5 ids: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms;"
                + " %d found an overlap; ancestors of a queried entry p50 %.0f, p95 %.0f, max %.0f; goal p95 < 20 ms %s%n",
                what, queries, Stats.percentile(millis, 50), Stats.percentile(millis, 95), Stats.percentile(millis, 99),
                Stats.max(millis), overlapping, Stats.percentile(ancestors, 50), Stats.percentile(ancestors, 95),
                Stats.max(ancestors), Stats.percentile(millis, 95) < 20 ? "met" : "MISSED");
    }

    private static List<Resource> generate(int size, Random random) {
        List<Resource> catalog = new ArrayList<>(size);
        List<Integer> derived = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Relation> relations = new ArrayList<>();
            if (i > 10 && random.nextInt(3) == 0) {
                int sources = 1 + random.nextInt(3);
                for (int s = 0; s < sources; s++) {
                    relations.add(new Relation(RelationType.IS_DERIVED_FROM, source(i, derived, random), null));
                }
                derived.add(i);
            }
            if (i > 10 && random.nextInt(200) == 0) {
                relations.add(new Relation(RelationType.IS_IDENTICAL_TO, id(random.nextInt(i)), null));
            }
            if (i > 10 && random.nextInt(100) == 0) {
                relations.add(new Relation(RelationType.IS_SOURCE_OF, id(random.nextInt(i)), null));
            }
            if (i >= size - CYCLES) {
                relations.add(new Relation(RelationType.IS_DERIVED_FROM, id(i - CYCLES), null));
            }
            if (i >= size - 2 * CYCLES && i < size - CYCLES) {
                relations.add(new Relation(RelationType.IS_DERIVED_FROM, id(i + CYCLES), null));
            }
            List<Identifier> identifiers = i % 3 == 0 ? List.of(new Identifier(IdentifierScheme.DOI, doi(i))) : List.of();
            catalog.add(new Resource(id(i), "Entry " + i, url(i), null, null, null, null, null, null, null, null, null,
                    null, null, null, null).withTrust(new TrustFields(relations, identifiers, null, null, null, null, null)));
        }
        return catalog;
    }

    /** An earlier entry (often a derived one, so chains grow deep) in one of its names, or an outside source. */
    private static String source(int i, List<Integer> derived, Random random) {
        if (random.nextInt(4) == 0) {
            return random.nextBoolean() ? "https://archive-" + random.nextInt(OUTSIDE_SOURCES) + ".hospital.example.net/"
                    : "https://www.kaggle.com/c/challenge-" + random.nextInt(OUTSIDE_SOURCES);
        }
        int earlier = !derived.isEmpty() && random.nextBoolean()
                ? derived.get(Math.max(0, derived.size() - 1 - random.nextInt(Math.min(derived.size(), 500))))
                : random.nextInt(i);
        return switch (random.nextInt(3)) {
            case 0 -> id(earlier);
            case 1 -> "http://www." + url(earlier).substring("https://".length()) + "/";
            default -> earlier % 3 == 0 ? "https://doi.org/" + doi(earlier).toUpperCase(Locale.ROOT) : url(earlier);
        };
    }

    private static List<String> randomIds(List<String> pool, Random random) {
        int count = 2 + random.nextInt(4);
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            String id = pool.get(random.nextInt(pool.size()));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String id(int i) {
        return "entry-" + i;
    }

    private static String url(int i) {
        return "https://data.example.org/sets/" + i;
    }

    private static String doi(int i) {
        return "10.5555/set." + i;
    }
}
