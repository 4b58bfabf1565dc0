package org.imagingcatalog.submission.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

/**
 * Every field the contribution forms post. Resource fields carry the names
 * {@code ResourceReader.fromForm} reads; {@code website} is the honeypot.
 */
public class FormFields {

    /** The resource fields, in the order the forms show them. */
    public static final List<String> RESOURCE_FIELDS = List.of("id", "name", "url", "description", "provider",
            "ct", "xray", "mri", "ultrasound", "metadata", "caseReview", "license", "access", "formats",
            "annotations", "tags", "patients", "images", "studies");

    @RestForm public String id;
    @RestForm public String name;
    @RestForm public String url;
    @RestForm public String description;
    @RestForm public String provider;
    @RestForm public String ct;
    @RestForm public String xray;
    @RestForm public String mri;
    @RestForm public String ultrasound;
    @RestForm public String metadata;
    @RestForm public String caseReview;
    @RestForm public String license;
    @RestForm public String access;
    @RestForm public String formats;
    @RestForm public String annotations;
    @RestForm public String tags;
    @RestForm public String patients;
    @RestForm public String images;
    @RestForm public String studies;
    @RestForm public String comment;
    @RestForm public String submitterName;
    @RestForm public String submitterEmail;
    /** Hidden from people; a bot that fills every field fills this one too. */
    @RestForm public String website;

    public boolean honeypotFilled() {
        return website != null && !website.isEmpty();
    }

    /** The resource fields as {@code ResourceReader.fromForm} takes them. */
    public Map<String, List<String>> resourceForm() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        values().forEach((field, value) -> {
            if (RESOURCE_FIELDS.contains(field) && value != null) {
                form.put(field, List.of(value));
            }
        });
        return form;
    }

    /** Every value as typed, to show the form again. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("name", name);
        values.put("url", url);
        values.put("description", description);
        values.put("provider", provider);
        values.put("ct", ct);
        values.put("xray", xray);
        values.put("mri", mri);
        values.put("ultrasound", ultrasound);
        values.put("metadata", metadata);
        values.put("caseReview", caseReview);
        values.put("license", license);
        values.put("access", access);
        values.put("formats", formats);
        values.put("annotations", annotations);
        values.put("tags", tags);
        values.put("patients", patients);
        values.put("images", images);
        values.put("studies", studies);
        values.put("comment", comment);
        values.put("submitterName", submitterName);
        values.put("submitterEmail", submitterEmail);
        return values;
    }
}
