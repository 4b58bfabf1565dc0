package org.imagingcatalog.model.trust;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How a resource's labels (COVID-19 or not, findings) were established. UNKNOWN: no source states it. */
public enum ReferenceStandard {
    RT_PCR("an RT-PCR test"),
    CLINICAL("a clinical diagnosis"),
    RADIOLOGIST("radiologists' reading"),
    REPORT_DERIVED("read from reports or figure captions"),
    MIXED("mixed, differing by source"),
    UNKNOWN("not stated");

    private final String label;

    ReferenceStandard(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Any case; blank is {@code UNKNOWN}; anything else outside the vocabulary is refused with the choices. */
    @JsonCreator
    public static ReferenceStandard parse(String raw) {
        return Vocabulary.parse(ReferenceStandard.class, raw, UNKNOWN);
    }
}
