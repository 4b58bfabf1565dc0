package org.imagingcatalog.publicweb.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.publicweb.catalog.Flag;

/**
 * For one query, how many matches have each value of each flag, each access and the most common licences. Exact
 * unless a text search has more matches than it counts ({@code catalog.search.text-matches-max}): then every count
 * is taken among that many matches, a lower bound, as the total is.
 *
 * @param flags every flag with every value, zero included
 * @param access every access value, zero included
 * @param licenses the most common licences first (at most {@link #LICENSES_SHOWN}); a null value is "not stated"
 * @param exact whether the counts are exact rather than lower bounds
 * @param counted how many matches were counted
 */
public record Facets(Map<Flag, Map<Availability, Long>> flags, Map<Access, Long> access, List<LicenseCount> licenses,
        boolean exact, long counted) {

    /** How many licences the counts name; the rest of a long tail is left out. */
    public static final int LICENSES_SHOWN = 20;

    /** A licence as the entries spell it most (licences are matched ignoring case) and how many have it. */
    public record LicenseCount(String value, long count) {
    }

    public Facets {
        Map<Flag, Map<Availability, Long>> copy = new EnumMap<>(Flag.class);
        flags.forEach((flag, counts) -> copy.put(flag, Collections.unmodifiableMap(new EnumMap<>(counts))));
        flags = Collections.unmodifiableMap(copy);
        access = Collections.unmodifiableMap(new EnumMap<>(access));
        licenses = List.copyOf(licenses);
    }

    public long count(Flag flag, Availability value) {
        return flags.get(flag).getOrDefault(value, 0L);
    }
}
