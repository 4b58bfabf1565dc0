package org.imagingcatalog.curation.curating;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One page of a longer list, with the total it is part of. */
public record Paged<T>(List<T> items, long total, Paging paging) {

    public int page() {
        return paging.page();
    }

    public int size() {
        return paging.size();
    }

    /** How many pages the total fills (at least 1, so an empty list is "page 1 of 1"). */
    public long pages() {
        return Math.max(1, (total + paging.size() - 1) / paging.size());
    }

    public boolean hasNext() {
        return (long) paging.page() * paging.size() < total;
    }

    public boolean hasPrevious() {
        return paging.page() > 1;
    }

    /**
     * The path of the next (or previous) page, the filters kept in their order (empty ones left out), then
     * {@code page} and {@code size}; null at either end. Past the last page, "previous" is the last page.
     */
    public String link(String path, Map<String, String> filters, boolean next) {
        if (next ? !hasNext() : !hasPrevious()) {
            return null;
        }
        long target = next ? page() + 1 : Math.min(page() - 1, pages());
        Map<String, String> query = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                query.put(k, v);
            }
        });
        query.put("page", String.valueOf(target));
        query.put("size", String.valueOf(size()));
        return path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
