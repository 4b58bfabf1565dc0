package org.imagingcatalog.model.trust;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.imagingcatalog.model.Text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a resource (A) relates to another (B): DataCite Metadata Schema 4.5's relationType vocabulary,
 * written in DataCite's spelling ("IsDerivedFrom"), read in any case and with or without spaces
 * ("is derived from").
 */
public enum RelationType {
    IS_CITED_BY("IsCitedBy"),
    CITES("Cites"),
    IS_SUPPLEMENT_TO("IsSupplementTo"),
    IS_SUPPLEMENTED_BY("IsSupplementedBy"),
    IS_CONTINUED_BY("IsContinuedBy"),
    CONTINUES("Continues"),
    DESCRIBES("Describes"),
    IS_DESCRIBED_BY("IsDescribedBy"),
    HAS_METADATA("HasMetadata"),
    IS_METADATA_FOR("IsMetadataFor"),
    HAS_VERSION("HasVersion"),
    IS_VERSION_OF("IsVersionOf"),
    IS_NEW_VERSION_OF("IsNewVersionOf"),
    IS_PREVIOUS_VERSION_OF("IsPreviousVersionOf"),
    IS_PART_OF("IsPartOf"),
    HAS_PART("HasPart"),
    IS_PUBLISHED_IN("IsPublishedIn"),
    IS_REFERENCED_BY("IsReferencedBy"),
    REFERENCES("References"),
    IS_DOCUMENTED_BY("IsDocumentedBy"),
    DOCUMENTS("Documents"),
    IS_COMPILED_BY("IsCompiledBy"),
    COMPILES("Compiles"),
    IS_VARIANT_FORM_OF("IsVariantFormOf"),
    IS_ORIGINAL_FORM_OF("IsOriginalFormOf"),
    IS_IDENTICAL_TO("IsIdenticalTo"),
    IS_REVIEWED_BY("IsReviewedBy"),
    REVIEWS("Reviews"),
    IS_DERIVED_FROM("IsDerivedFrom"),
    IS_SOURCE_OF("IsSourceOf"),
    IS_REQUIRED_BY("IsRequiredBy"),
    REQUIRES("Requires"),
    IS_OBSOLETED_BY("IsObsoletedBy"),
    OBSOLETES("Obsoletes"),
    IS_COLLECTED_BY("IsCollectedBy"),
    COLLECTS("Collects");

    private static final Map<String, RelationType> BY_FOLDED_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(t -> fold(t.dataCite), Function.identity()));

    private final String dataCite;

    RelationType(String dataCite) {
        this.dataCite = dataCite;
    }

    @JsonValue
    public String dataCite() {
        return dataCite;
    }

    @JsonCreator
    public static RelationType parse(String raw) {
        RelationType type = raw == null ? null : BY_FOLDED_NAME.get(fold(raw));
        if (type == null) {
            throw new IllegalArgumentException("must be a DataCite relation type such as IsDerivedFrom, IsPartOf or "
                    + "IsIdenticalTo, not \"" + (raw == null ? "" : Text.shorten(raw)) + "\"");
        }
        return type;
    }

    private static String fold(String name) {
        return name.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return dataCite;
    }
}
