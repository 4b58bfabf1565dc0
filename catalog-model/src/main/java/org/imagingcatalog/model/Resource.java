package org.imagingcatalog.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A catalog entry, field for field as the contract's JSON. {@code version} and {@code status}
 * belong to the read side (a published version); proposals leave them null. The authoritative
 * rules are in {@link org.imagingcatalog.model.validation.ResourceValidator}; the annotations
 * document them for bean validation and OpenAPI.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "name", "url", "description", "provider", "modalities", "metadata", "caseReview",
        "license", "access", "formats", "counts", "annotations", "tags", "version", "status"})
public record Resource(
        @Size(min = Limits.ID_MIN, max = Limits.ID_MAX) @Pattern(regexp = Slugs.REGEX, message = Slugs.RULE) String id,
        @NotBlank @Size(max = Limits.NAME_MAX) String name,
        @NotBlank @Size(max = Limits.URL_MAX) String url,
        @Size(max = Limits.DESCRIPTION_MAX) String description,
        @Size(max = Limits.PROVIDER_MAX) String provider,
        Modalities modalities,
        Availability metadata,
        Availability caseReview,
        @Size(max = Limits.LICENSE_MAX) String license,
        Access access,
        @Size(max = Limits.LIST_ITEMS_MAX) List<String> formats,
        @Valid Counts counts,
        @Size(max = Limits.LIST_ITEMS_MAX) List<String> annotations,
        @Size(max = Limits.LIST_ITEMS_MAX) List<String> tags,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer version,
        @JsonInclude(JsonInclude.Include.NON_NULL) ResourceStatus status) {

    public Resource {
        modalities = modalities == null ? Modalities.unknown() : modalities;
        metadata = metadata == null ? Availability.U : metadata;
        caseReview = caseReview == null ? Availability.U : caseReview;
        access = access == null ? Access.UNKNOWN : access;
        formats = formats == null ? List.of() : List.copyOf(formats);
        counts = counts == null ? Counts.none() : counts;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public Resource withVersion(int newVersion, ResourceStatus newStatus) {
        return new Resource(id, name, url, description, provider, modalities, metadata, caseReview, license,
                access, formats, counts, annotations, tags, newVersion, newStatus);
    }

    public Resource withId(String newId) {
        return new Resource(newId, name, url, description, provider, modalities, metadata, caseReview, license,
                access, formats, counts, annotations, tags, version, status);
    }

    /** The curated content alone, without the read side's version and status. */
    public Resource content() {
        return new Resource(id, name, url, description, provider, modalities, metadata, caseReview, license,
                access, formats, counts, annotations, tags, null, null);
    }

    public Availability flag(Modality modality) {
        return modalities.get(modality);
    }
}
