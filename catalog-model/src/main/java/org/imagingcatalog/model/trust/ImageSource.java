package org.imagingcatalog.model.trust;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Where a resource's images come from, and so how much of the original signal they keep. UNKNOWN: no source states it. */
public enum ImageSource {
    HOSPITAL_DICOM("DICOM from hospital systems"),
    CONVERTED_FROM_DICOM("converted from DICOM"),
    FROM_PUBLICATIONS("taken from papers, case reports or web pages"),
    MIXED("mixed, differing by source"),
    UNKNOWN("not stated");

    private final String label;

    ImageSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Any case; blank is {@code UNKNOWN}; anything else outside the vocabulary is refused with the choices. */
    @JsonCreator
    public static ImageSource parse(String raw) {
        return Vocabulary.parse(ImageSource.class, raw, UNKNOWN);
    }
}
