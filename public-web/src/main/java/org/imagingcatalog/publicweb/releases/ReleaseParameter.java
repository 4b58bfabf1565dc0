package org.imagingcatalog.publicweb.releases;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.imagingcatalog.model.releases.ReleaseNames;
import org.imagingcatalog.publicweb.search.BadQueryException;
import org.imagingcatalog.publicweb.search.CatalogQuery;

/**
 * The exports' {@code release} parameter: the name of the release to export instead of the catalog as it is now. A
 * release is exported whole, exactly as it was cut, so it takes no search words and no filters (400 naming
 * {@code release}, and the filters it met); the order ({@code sort}) still applies, and {@code page} and {@code size}
 * are ignored as for every export. Blank is absent, like the other parameters.
 */
public final class ReleaseParameter {

    public static final String NAME = "release";
    /** What narrows an export: everything the list takes but the order and the paging. */
    private static final Set<String> FILTERS;

    static {
        Set<String> filters = new LinkedHashSet<>(CatalogQuery.Route.LIST.parameters());
        filters.removeAll(List.of("sort", "page", "size"));
        FILTERS = Set.copyOf(filters);
    }

    private ReleaseParameter() {
    }

    /** The release asked for, if any, given the rest of the export's query (already parsed). */
    public static Optional<String> of(Map<String, List<String>> params, CatalogQuery query) {
        List<String> values = params.get(NAME);
        String raw = values == null || values.isEmpty() ? null : values.get(0);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String name = raw.strip();
        if (!ReleaseNames.isValid(name)) {
            throw new BadQueryException(NAME, ReleaseNames.RULE);
        }
        if (query.filtered()) {
            List<String> filters = CatalogQuery.Route.LIST.parameters().stream().filter(FILTERS::contains)
                    .filter(filter -> params.getOrDefault(filter, List.of()).stream()
                            .anyMatch(value -> value != null && !value.isBlank()))
                    .toList();
            throw new BadQueryException(NAME, "cannot be combined with " + String.join(", ", filters)
                    + ": a release is exported whole, exactly as it was cut (leave out " + NAME
                    + " to export the current catalog narrowed)");
        }
        return Optional.of(name);
    }
}
