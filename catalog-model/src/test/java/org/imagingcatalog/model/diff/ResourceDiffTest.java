package org.imagingcatalog.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.junit.jupiter.api.Test;

class ResourceDiffTest {

    private final Resource before = SeedCatalog.load().get(1).resource();

    @Test
    void namesEveryChangedFieldInContractOrder() {
        Resource after = new Resource(before.id(), "Renamed", before.url(), before.description(), before.provider(),
                new Modalities(before.modalities().ct(), before.modalities().xray(), Availability.Y,
                        before.modalities().ultrasound()),
                before.metadata(), before.caseReview(), before.license(), before.access(), before.formats(),
                before.counts(), before.annotations(), List.of("new-tag"), null, null);
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
}
