package org.imagingcatalog.model;

/** Whether a resource holds images of each modality. */
public record Modalities(Availability ct, Availability xray, Availability mri, Availability ultrasound) {

    public Modalities {
        ct = orUnknown(ct);
        xray = orUnknown(xray);
        mri = orUnknown(mri);
        ultrasound = orUnknown(ultrasound);
    }

    public static Modalities unknown() {
        return new Modalities(null, null, null, null);
    }

    public Availability get(Modality modality) {
        return switch (modality) {
            case CT -> ct;
            case XRAY -> xray;
            case MRI -> mri;
            case ULTRASOUND -> ultrasound;
        };
    }

    private static Availability orUnknown(Availability a) {
        return a == null ? Availability.U : a;
    }
}
