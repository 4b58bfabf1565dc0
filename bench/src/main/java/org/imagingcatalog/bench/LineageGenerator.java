package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.TrustFields;

/**
 * A generated catalog whose lineage graph is like the real one, only larger: most entries are primary
 * collections; about a third are built from one to three sources, which are earlier entries (named by id, by
 * their address in another spelling, or by DOI) or one of 2,000 outside sources (hospital archives, challenge
 * pages). Sources are often derived entries themselves, so chains run deep; some entries are stated identical to
 * another, some sources name their derivative (IsSourceOf), and 200 pairs of entries are built from each other
 * (cycles). The same catalog for the same size and seed on every run.
 */
final class LineageGenerator {

    private static final int OUTSIDE_SOURCES = 2_000;
    private static final int CYCLES = 200;

    private LineageGenerator() {
    }

    static List<Resource> catalog(int size, Random random) {
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
            // the last 2 x CYCLES entries: pairs built from each other
            if (size > 4 * CYCLES && i >= size - CYCLES) {
                relations.add(new Relation(RelationType.IS_DERIVED_FROM, id(i - CYCLES), null));
            }
            if (size > 4 * CYCLES && i >= size - 2 * CYCLES && i < size - CYCLES) {
                relations.add(new Relation(RelationType.IS_DERIVED_FROM, id(i + CYCLES), null));
            }
            List<Identifier> identifiers = i % 3 == 0 ? List.of(new Identifier(IdentifierScheme.DOI, doi(i))) : List.of();
            catalog.add(new Resource(id(i), "Entry " + i, url(i), null, null, null, null, null, null, null, null, null,
                    null, null, null, null).withTrust(new TrustFields(relations, identifiers, null, null, null, null, null)));
        }
        return catalog;
    }

    /** Two to five distinct ids drawn from {@code pool}: one overlap question. */
    static List<String> randomIds(List<String> pool, Random random) {
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
