package org.imagingcatalog.model.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;

import com.fasterxml.jackson.databind.JsonNode;

/** The catalog's first entries, imported once as version 1 so a new installation is useful at once. */
public final class SeedCatalog {

    public static final String PROVENANCE = "imported from the seed list";
    public static final String RESOURCE_PATH = "/seed/seed-resources.json";

    private SeedCatalog() {
    }

    public static List<SeedEntry> load() {
        try (InputStream in = SeedCatalog.class.getResourceAsStream(RESOURCE_PATH)) {
            if (in == null) {
                throw new IllegalStateException("the seed list " + RESOURCE_PATH + " is missing from the classpath");
            }
            JsonNode entries = EventJson.mapper().readTree(in);
            List<SeedEntry> seed = new ArrayList<>();
            for (JsonNode entry : entries) {
                Resource resource = EventJson.mapper().treeToValue(entry, Resource.class);
                List<String> sources = new ArrayList<>();
                entry.path("sources").forEach(s -> sources.add(s.asText()));
                seed.add(new SeedEntry(resource, List.copyOf(sources)));
            }
            return List.copyOf(seed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed list", e);
        }
    }
}
