package org.imagingcatalog.model.trust;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A risk-of-bias judgement for one domain, after PROBAST. */
public enum Risk {
    LOW, HIGH, UNCLEAR;

    /** Any case; blank is no judgement ({@code null}). */
    @JsonCreator
    public static Risk parse(String raw) {
        return Vocabulary.parse(Risk.class, raw, null);
    }
}
