package org.imagingcatalog.publicweb.web;

import java.util.List;

import org.imagingcatalog.publicweb.catalog.Flag;

/** Everything the catalog page shows, prepared so the template only lays it out. */
public record HomeView(String q, String license, List<Select> selects, List<Row> rows, long total, boolean totalExact,
        boolean filtered,
        String pageLabel, String previousUrl, String nextUrl, String exportSuffix, String errorField,
        String errorMessage) {

    public record Select(String name, String label, List<Option> options) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record Row(String id, String name, String provider, String access, String license, List<Badge> badges) {
    }

    public List<String> flagColumns() {
        return List.of(Flag.values()).stream().map(Flag::label).toList();
    }
}
