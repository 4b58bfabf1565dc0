package org.imagingcatalog.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The survey's availability flag: yes, no, or unknown. A missing flag means unknown. */
public enum Availability {
    Y("yes"), N("no"), U("unknown");

    private final String label;

    Availability(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @JsonValue
    public String code() {
        return name();
    }

    @JsonCreator
    public static Availability parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return U;
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "Y" -> Y;
            case "N" -> N;
            case "U" -> U;
            default -> throw new IllegalArgumentException(
                    "must be Y, N or U (yes, no, unknown), not \"" + Text.shorten(raw) + "\"");
        };
    }
}
