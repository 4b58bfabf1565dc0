package org.imagingcatalog.submission.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Valid proposals to start from; tests change one thing at a time. */
public final class Proposals {

    public static final String EMAIL = "ada.contributor@example.org";

    private Proposals() {
    }

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The fields of a valid new resource, as the form posts them. */
    public static Map<String, String> newResourceForm(String name) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", "");
        form.put("name", name);
        form.put("url", "https://example.org/data/" + UUID.randomUUID());
        form.put("description", "Chest radiographs with labels.");
        form.put("provider", "Example University");
        form.put("ct", "N");
        form.put("xray", "Y");
        form.put("mri", "N");
        form.put("ultrasound", "U");
        form.put("metadata", "Y");
        form.put("caseReview", "N");
        form.put("license", "CC-BY-4.0");
        form.put("access", "OPEN");
        form.put("formats", "PNG, DICOM");
        form.put("annotations", "classification");
        form.put("tags", "chest, covid-19");
        form.put("patients", "412");
        form.put("images", "950");
        form.put("studies", "");
        form.put("comment", "Found in a survey.");
        form.put("submitterName", "Ada");
        form.put("submitterEmail", EMAIL);
        form.put("website", "");
        return form;
    }

    /** A valid API body for a new resource, with the given proposed id (or none when null). */
    public static String newResourceJson(String name, String id, String email) {
        return """
                {"kind": "NEW",
                 "proposed": {%s"name": "%s", "url": "https://example.org/data/%s", "description": "Chest CT scans.",
                   "provider": "Example Hospital", "modalities": {"ct": "Y", "xray": "N", "mri": "N", "ultrasound": "U"},
                   "metadata": "Y", "caseReview": "U", "license": "CC0-1.0", "access": "REGISTRATION",
                   "formats": ["DICOM"], "counts": {"patients": 10, "images": null, "studies": 12},
                   "annotations": ["segmentation"], "tags": ["lung"]},
                 "comment": "Please add it.",
                 "submitter": {"name": "Grace"%s}}
                """.formatted(id == null ? "" : "\"id\": \"" + id + "\", ", name, UUID.randomUUID(),
                email == null ? "" : ", \"email\": \"" + email + "\"");
    }
}
