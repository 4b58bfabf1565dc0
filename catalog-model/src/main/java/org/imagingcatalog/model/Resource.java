package org.imagingcatalog.model;

import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.NotStated;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A catalog entry, field for field as the contract's JSON. {@code version} and {@code status}
 * belong to the read side (a published version); proposals leave them null. The trust fields after
 * them are optional: missing means not stated, and JSON leaves out those that state nothing, so an
 * entry without them reads and writes as it did before they existed. The authoritative rules are in
 * {@link org.imagingcatalog.model.validation.ResourceValidator}; the annotations document them for
 * bean validation and OpenAPI.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "name", "url", "description", "provider", "modalities", "metadata", "caseReview",
        "license", "access", "formats", "counts", "annotations", "tags", "relations", "identifiers",
        "referenceStandard", "population", "imageSource", "riskOfBias", "provenance", "version", "status"})
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
        @JsonInclude(JsonInclude.Include.NON_NULL) ResourceStatus status,
        @JsonInclude(Include.NON_EMPTY) @Size(max = Limits.RELATIONS_MAX) List<@Valid Relation> relations,
        @JsonInclude(Include.NON_EMPTY) @Size(max = Limits.IDENTIFIERS_MAX) List<@Valid Identifier> identifiers,
        @JsonInclude(value = Include.CUSTOM, valueFilter = NotStated.class) ReferenceStandard referenceStandard,
        @JsonInclude(value = Include.CUSTOM, valueFilter = NotStated.class) Population population,
        @JsonInclude(value = Include.CUSTOM, valueFilter = NotStated.class) ImageSource imageSource,
        @JsonInclude(value = Include.CUSTOM, valueFilter = NotStated.class) @Valid RiskOfBias riskOfBias,
        @JsonInclude(Include.NON_EMPTY) @Size(max = Limits.PROVENANCE_MAX) Map<String, @Valid Provenance> provenance) {

    @JsonCreator
    public Resource {
        modalities = modalities == null ? Modalities.unknown() : modalities;
        metadata = metadata == null ? Availability.U : metadata;
        caseReview = caseReview == null ? Availability.U : caseReview;
        access = access == null ? Access.UNKNOWN : access;
        formats = formats == null ? List.of() : List.copyOf(formats);
        counts = counts == null ? Counts.none() : counts;
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        tags = tags == null ? List.of() : List.copyOf(tags);
        TrustFields trust = new TrustFields(relations, identifiers, referenceStandard, population, imageSource,
                riskOfBias, provenance);
        relations = trust.relations();
        identifiers = trust.identifiers();
        referenceStandard = trust.referenceStandard();
        population = trust.population();
        imageSource = trust.imageSource();
        riskOfBias = trust.riskOfBias();
        provenance = trust.provenance();
    }

    /** A resource without trust fields, as it was before they existed. */
    public Resource(String id, String name, String url, String description, String provider, Modalities modalities,
            Availability metadata, Availability caseReview, String license, Access access, List<String> formats,
            Counts counts, List<String> annotations, List<String> tags, Integer version, ResourceStatus status) {
        this(id, name, url, description, provider, modalities, metadata, caseReview, license, access, formats, counts,
                annotations, tags, version, status, null, null, null, null, null, null, null);
    }

    public Resource withVersion(int newVersion, ResourceStatus newStatus) {
        return new Resource(id, name, url, description, provider, modalities, metadata, caseReview, license,
                access, formats, counts, annotations, tags, newVersion, newStatus, relations, identifiers,
                referenceStandard, population, imageSource, riskOfBias, provenance);
    }

    public Resource withId(String newId) {
        return new Resource(newId, name, url, description, provider, modalities, metadata, caseReview, license,
                access, formats, counts, annotations, tags, version, status, relations, identifiers,
                referenceStandard, population, imageSource, riskOfBias, provenance);
    }

    /** The same resource with these trust fields instead of its own. */
    public Resource withTrust(TrustFields trust) {
        return new Resource(id, name, url, description, provider, modalities, metadata, caseReview, license,
                access, formats, counts, annotations, tags, version, status, trust.relations(), trust.identifiers(),
                trust.referenceStandard(), trust.population(), trust.imageSource(), trust.riskOfBias(),
                trust.provenance());
    }

    /** The curated content alone, without the read side's version and status. */
    public Resource content() {
        return new Resource(id, name, url, description, provider, modalities, metadata, caseReview, license,
                access, formats, counts, annotations, tags, null, null, relations, identifiers,
                referenceStandard, population, imageSource, riskOfBias, provenance);
    }

    public Availability flag(Modality modality) {
        return modalities.get(modality);
    }
}
