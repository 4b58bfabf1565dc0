package org.imagingcatalog.publicweb.catalog;

import java.util.List;

/** One page of matching entries and how many match in all. */
public record ResultPage(CatalogQuery query, List<Entry> entries, long total) {

    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }
}
