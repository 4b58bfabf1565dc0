package org.imagingcatalog.publicweb.catalog;

import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;

/** The survey's Table 1 columns, in its order: each a Y / N / U flag of a resource. */
public enum Flag {
    CT("ct", "CT", "ct"),
    XRAY("xray", "X-ray", "xray"),
    MRI("mri", "MRI", "mri"),
    ULTRASOUND("ultrasound", "Ultrasound", "ultrasound"),
    METADATA("metadata", "Metadata", "metadata"),
    CASE_REVIEW("caseReview", "Case review", "case_review");

    private final String param;
    private final String label;
    private final String column;

    Flag(String param, String label, String column) {
        this.param = param;
        this.label = label;
        this.column = column;
    }

    /** The query parameter and JSON field name. */
    public String param() {
        return param;
    }

    public String label() {
        return label;
    }

    /** The read model's column; a fixed identifier, never user input. */
    public String column() {
        return column;
    }

    public Availability of(Resource resource) {
        return switch (this) {
            case CT -> resource.flag(Modality.CT);
            case XRAY -> resource.flag(Modality.XRAY);
            case MRI -> resource.flag(Modality.MRI);
            case ULTRASOUND -> resource.flag(Modality.ULTRASOUND);
            case METADATA -> resource.metadata();
            case CASE_REVIEW -> resource.caseReview();
        };
    }
}
