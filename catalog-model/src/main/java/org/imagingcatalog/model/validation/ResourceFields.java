package org.imagingcatalog.model.validation;

import java.util.List;

/** The field names of a resource as the contract's JSON and the forms spell them. */
public final class ResourceFields {

    public static final List<String> TOP_LEVEL = List.of("id", "name", "url", "description", "provider",
            "modalities", "metadata", "caseReview", "license", "access", "formats", "counts", "annotations", "tags");
    /** Read-side or provenance fields that input may carry and that are ignored. */
    public static final List<String> IGNORED = List.of("version", "status", "sources");
    public static final List<String> COUNTS = List.of("patients", "images", "studies");
    public static final List<String> LISTS = List.of("formats", "annotations", "tags");

    private ResourceFields() {
    }
}
