package org.imagingcatalog.publicweb.search;

import java.util.Locale;

/** The orders the list offers. */
public enum Sort {
    NAME("name", "Name"),
    PROVIDER("provider", "Provider"),
    UPDATED("updated", "Recently updated"),
    RELEVANCE("relevance", "Relevance");

    private final String param;
    private final String label;

    Sort(String param, String label) {
        this.param = param;
        this.label = label;
    }

    public String param() {
        return param;
    }

    public String label() {
        return label;
    }

    static Sort parse(String raw) {
        String wanted = raw.trim().toLowerCase(Locale.ROOT);
        for (Sort sort : values()) {
            if (sort.param.equals(wanted)) {
                return sort;
            }
        }
        throw new BadQueryException("sort", "must be name, provider, updated or relevance");
    }
}
