package org.imagingcatalog.model.trust;

/** The four risk-of-bias domains of PROBAST, as applied to a dataset rather than a model. */
public enum RiskDomain {
    PARTICIPANTS("participants", "participants"),
    REFERENCE_STANDARD("referenceStandard", "reference standard"),
    IMAGES("images", "images"),
    COMPOSITION("composition", "composition");

    private final String key;
    private final String label;

    RiskDomain(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The JSON field name inside {@code riskOfBias}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
