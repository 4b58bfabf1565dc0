package org.imagingcatalog.publicweb.support;

import java.util.List;
import java.util.function.Predicate;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;

/** The 13 seed resources, published once per test run (publishing them again changes nothing). */
public final class Seed {

    public static final List<Resource> RESOURCES = SeedCatalog.load().stream().map(SeedEntry::resource).toList();
    private static boolean published;

    private Seed() {
    }

    public static synchronized void publishOnce() {
        if (published) {
            return;
        }
        RESOURCES.forEach(Entries::publish);
        RESOURCES.forEach(r -> Entries.awaitVersion(r.id(), 1));
        published = true;
    }

    /** The ids of the seed resources that satisfy the condition, in seed order. */
    public static List<String> ids(Predicate<Resource> condition) {
        return RESOURCES.stream().filter(condition).map(Resource::id).toList();
    }

    public static boolean isSeed(String id) {
        return RESOURCES.stream().anyMatch(r -> r.id().equals(id));
    }
}
