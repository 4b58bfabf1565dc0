package org.imagingcatalog.model.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.trust.TrustFields;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The catalog's first entries, imported once as version 1 so a new installation is useful at once, with
 * the trust fields their sources state. An installation that imported them before the trust fields existed
 * receives those once, as a new version: see {@link #trustUpdate}.
 */
public final class SeedCatalog {

    public static final String PROVENANCE = "imported from the seed list";
    /** The reason of the version that gives an existing seed entry its trust fields. */
    public static final String TRUST_REASON = "trust fields from the seed's sources";
    public static final String RESOURCE_PATH = "/seed/seed-resources.json";

    private SeedCatalog() {
    }

    /** Every seed entry with its trust fields, as version 1 of a new installation holds it. */
    public static List<SeedEntry> load() {
        Map<String, TrustFields> trust = Trust.LOADED.byId();
        return loadWithoutTrust().stream().map(e -> new SeedEntry(
                e.resource().withTrust(trust.getOrDefault(e.resource().id(), TrustFields.none())), e.sources()))
                .toList();
    }

    /**
     * For an installation that imported the seed before the trust fields existed: {@code current} with the
     * seed's trust facts for its id filled into the fields it leaves unstated (a curator's own values stay),
     * with their sources as provenance; empty when that changes nothing (not a seed entry, or it has them
     * already). Record the new version with {@link #TRUST_REASON}, and call this once per entry: a field a
     * curator clears afterwards must stay cleared, so look for a version with that reason before calling.
     */
    public static Optional<Resource> trustUpdate(Resource current) {
        TrustFields seed = Trust.LOADED.byId().get(current.id());
        if (seed == null) {
            return Optional.empty();
        }
        TrustFields own = TrustFields.of(current);
        TrustFields filled = own.withGapsFilledFrom(seed);
        return filled.equals(own) ? Optional.empty() : Optional.of(current.withTrust(filled));
    }

    /** The facts of the seed's trust file that the model refuses, which the seed leaves out. */
    public static List<RefusedSeedFact> refusedTrustFacts() {
        return Trust.LOADED.refused();
    }

    private static List<SeedEntry> loadWithoutTrust() {
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

    private static SeedTrust.Loaded trust(List<SeedEntry> bare) {
        Map<String, Resource> byId = new LinkedHashMap<>();
        bare.forEach(e -> byId.put(e.resource().id(), e.resource()));
        return SeedTrust.load(byId);
    }

    /** Read once: the seed does not change while the program runs. */
    private static final class Trust {
        static final SeedTrust.Loaded LOADED = trust(loadWithoutTrust());
    }
}
