package org.imagingcatalog.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.TrustSamples;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.TrustFields;
import org.junit.jupiter.api.Test;

class ResourceDiffTest {

    private final Resource before = SeedCatalog.load().get(1).resource();

    @Test
    void namesEveryChangedFieldInContractOrder() {
        Resource after = new Resource(before.id(), "Renamed", before.url(), before.description(), before.provider(),
                new Modalities(before.modalities().ct(), before.modalities().xray(), Availability.Y,
                        before.modalities().ultrasound()),
                before.metadata(), before.caseReview(), before.license(), before.access(), before.formats(),
                before.counts(), before.annotations(), List.of("new-tag"), null, null).withTrust(TrustFields.of(before));
        assertThat(ResourceDiff.changedFields(before, after)).containsExactly("name", "modalities.mri", "tags");
        assertThat(ResourceDiff.summary(before, after)).contains("MRI changed from " + before.modalities().mri() + " to Y");
    }

    @Test
    void versionAndStatusAreNotContent() {
        assertThat(ResourceDiff.between(before, before.withVersion(7, org.imagingcatalog.model.ResourceStatus.WITHDRAWN)))
                .isEmpty();
    }

    @Test
    void withoutABeforeEverySetFieldCounts() {
        assertThat(ResourceDiff.changedFields(null, before)).contains("id", "name", "url", "modalities.ct");
        assertThat(ResourceDiff.summary(null, before)).isEqualTo("added to the catalog");
    }

    @Test
    void trustFieldsChangeFieldByFieldWithReadableLabels() {
        Resource trusted = TrustSamples.trusted();
        TrustFields trust = TrustFields.of(trusted);
        Map<String, Provenance> provenance = new HashMap<>(trust.provenance());
        provenance.remove("relations[0]");
        provenance.put("population", new Provenance("https://example.org/ages", LocalDate.parse("2026-12-03"), "curator"));
        Resource after = trusted.withTrust(new TrustFields(trust.relations().subList(0, 1), trust.identifiers(),
                ReferenceStandard.MIXED, trust.population(), trust.imageSource(),
                trust.riskOfBias().with(RiskDomain.PARTICIPANTS, null)
                        .with(RiskDomain.IMAGES, new RiskJudgement(Risk.LOW, "DICOM from the scanners")),
                provenance));

        assertThat(ResourceDiff.changedFields(trusted, after)).containsExactly("relations", "referenceStandard",
                "riskOfBias.participants.risk", "riskOfBias.participants.reason", "riskOfBias.images.risk",
                "riskOfBias.images.reason", "provenance.population.source", "provenance.population.verifiedOn",
                "provenance.population.verifiedBy", "provenance.relations[0].source", "provenance.relations[0].verifiedOn");
        assertThat(ResourceDiff.summary(trusted, after)).isEqualTo("relations changed; reference standard changed from"
                + " RT_PCR to MIXED; risk of bias: participants changed from HIGH to not set; risk of bias: participants,"
                + " reason changed; risk of bias: images changed from HIGH to LOW; risk of bias: images, reason changed;"
                + " population: source changed; population: verified on changed; population: verified by changed;"
                + " relations[0]: source changed; relations[0]: verified on changed");
        assertThat(ResourceDiff.label("provenance.counts.patients.verifiedBy")).isEqualTo("patient count: verified by");
        assertThat(ResourceDiff.label("imageSource")).isEqualTo("image source");
    }

    @Test
    void aNewEntryWithoutTrustFieldsListsNoneOfThem() {
        Resource bare = TrustSamples.bare("plain", "https://x.org");
        assertThat(ResourceDiff.changedFields(null, bare)).doesNotContain("referenceStandard", "population",
                "imageSource", "relations");
        assertThat(ResourceDiff.changedFields(null, TrustSamples.trusted())).contains("relations", "identifiers",
                "referenceStandard", "riskOfBias.composition.reason", "provenance.counts.patients.source");
    }
}
