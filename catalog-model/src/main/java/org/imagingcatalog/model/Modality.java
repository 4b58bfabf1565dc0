package org.imagingcatalog.model;

/** The imaging modalities the survey's Table 1 records, in its column order. */
public enum Modality {
    CT("ct", "CT"), XRAY("xray", "X-ray"), MRI("mri", "MRI"), ULTRASOUND("ultrasound", "Ultrasound");

    private final String key;
    private final String label;

    Modality(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The JSON field name inside {@code modalities}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
