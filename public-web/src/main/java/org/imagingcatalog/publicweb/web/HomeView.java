package org.imagingcatalog.publicweb.web;

import java.util.List;

import org.imagingcatalog.publicweb.catalog.Flag;

/** Everything the catalog page shows, prepared so the template only lays it out. */
public record HomeView(String q, String license, String formats, String annotations, List<Select> selects,
        List<Select> trustSelects, List<Check> trustChecks, List<Row> rows, long total, boolean totalExact, boolean filtered, List<FacetLine> facets, boolean facetsExact,
        long facetsCounted, String pageLabel, String previousUrl, String nextUrl, String exportSuffix,
        String feedSuffix, String errorField, String errorMessage, String errorLink) {

    public record Select(String name, String label, List<Option> options) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    /** A yes/no filter as a checkbox: its parameter, what it says, what it does, and whether it is ticked. */
    public record Check(String name, String label, String help, boolean checked) {
    }

    public record Row(String id, String name, String provider, String access, String license, List<Badge> badges) {
    }

    /** One facet: "CT: Y 12, N 7, U 1". */
    public record FacetLine(String label, List<FacetValue> values) {
    }

    /**
     * One value of a facet and how many matches have it; {@code url} narrows the query to it (null when no match
     * has it, or when the query already asks for it: {@code selected}).
     */
    public record FacetValue(String label, long count, String url, boolean selected) {
    }

    public List<String> flagColumns() {
        return List.of(Flag.values()).stream().map(Flag::label).toList();
    }
}
