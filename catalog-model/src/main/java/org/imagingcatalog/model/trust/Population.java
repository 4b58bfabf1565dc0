package org.imagingcatalog.model.trust;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Whose images a resource holds, by age group. UNKNOWN: no source states it. */
public enum Population {
    ADULT("adults"),
    PAEDIATRIC("children"),
    MIXED("adults and children"),
    UNKNOWN("not stated");

    private final String label;

    Population(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Any case; blank is {@code UNKNOWN}; anything else outside the vocabulary is refused with the choices. */
    @JsonCreator
    public static Population parse(String raw) {
        return Vocabulary.parse(Population.class, raw, UNKNOWN);
    }
}
