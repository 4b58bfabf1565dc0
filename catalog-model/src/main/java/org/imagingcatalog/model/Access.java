package org.imagingcatalog.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How a reader gets the data. */
public enum Access {
    OPEN("open download"),
    REGISTRATION("free after registration"),
    APPLICATION("on application or agreement"),
    UNKNOWN("unknown");

    private final String label;

    Access(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonCreator
    public static Access parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "must be OPEN, REGISTRATION, APPLICATION or UNKNOWN, not \"" + Text.shorten(raw) + "\"");
        }
    }
}
