package org.imagingcatalog.publicweb.search;

import java.util.List;

import org.imagingcatalog.publicweb.catalog.Entry;

/**
 * One page of matching entries, how many match in all, and how many matches have each value of each flag,
 * access and licence. A text search counts only up to a limit: then {@code total} is that limit and
 * {@code totalExact} is false ("more than 500 match"), and the facets are counted among that many matches.
 */
public record ResultPage(CatalogQuery query, List<Entry> entries, long total, boolean totalExact, Facets facets) {

    /** A page without facet counts (nothing was searched). */
    public static ResultPage exact(CatalogQuery query, List<Entry> entries, long total) {
        return new ResultPage(query, entries, total, true, null);
    }

    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }

    /** Whether a next page may hold entries: always while the count is only a lower bound and this page is full. */
    public boolean hasNext() {
        return query.page() < pages() || (!totalExact && entries.size() == query.size());
    }
}
