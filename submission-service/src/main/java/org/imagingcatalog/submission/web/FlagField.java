package org.imagingcatalog.submission.web;

import java.util.List;

/** One Y/N/U question of the resource form, with what each answer means for it. */
public record FlagField(String name, String label, String yes, String no, String unknown) {

    public static final List<FlagField> ALL = List.of(
            new FlagField("ct", "CT (computed tomography)",
                    "the resource contains CT scans", "it contains no CT scans", "you do not know whether it has CT scans"),
            new FlagField("xray", "X-ray (radiographs)",
                    "the resource contains X-ray images", "it contains no X-ray images", "you do not know whether it has X-ray images"),
            new FlagField("mri", "MRI (magnetic resonance imaging)",
                    "the resource contains MRI scans", "it contains no MRI scans", "you do not know whether it has MRI scans"),
            new FlagField("ultrasound", "Ultrasound",
                    "the resource contains ultrasound images", "it contains no ultrasound images",
                    "you do not know whether it has ultrasound images"),
            new FlagField("metadata", "Patient or case metadata",
                    "patient/case metadata (such as age, sex, findings) comes with the images",
                    "the images come without such metadata", "you do not know whether metadata is available"),
            new FlagField("caseReview", "Case reviews or clinical reports",
                    "case reviews or clinical reports are available", "none are available",
                    "you do not know whether they are available"));
}
