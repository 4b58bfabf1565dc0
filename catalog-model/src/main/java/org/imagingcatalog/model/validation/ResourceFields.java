package org.imagingcatalog.model.validation;

import java.util.List;
import java.util.stream.Stream;

/** The field names of a resource as the contract's JSON and the forms spell them. */
public final class ResourceFields {

    /** The optional facts that let a reader judge a resource (the contract's "trust fields"). */
    public static final List<String> TRUST = List.of("relations", "identifiers", "referenceStandard", "population",
            "imageSource", "riskOfBias", "provenance");
    public static final List<String> TOP_LEVEL = Stream.concat(Stream.of("id", "name", "url", "description",
            "provider", "modalities", "metadata", "caseReview", "license", "access", "formats", "counts",
            "annotations", "tags"), TRUST.stream()).toList();
    /** Read-side or provenance fields that input may carry and that are ignored. */
    public static final List<String> IGNORED = List.of("version", "status", "sources");
    public static final List<String> COUNTS = List.of("patients", "images", "studies");
    public static final List<String> LISTS = List.of("formats", "annotations", "tags");

    private ResourceFields() {
    }
}
