package org.imagingcatalog.curation.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.diff.FieldChange;
import org.junit.jupiter.api.Test;

class ChangeSummaryTest {

    @Test
    void shortValuesAreNamedLongOnesOnlyMentioned() {
        assertThat(ChangeSummary.of(List.of(new FieldChange("modalities.ct", Availability.U, Availability.Y))))
                .isEqualTo("CT changed from U to Y");
        assertThat(ChangeSummary.of(List.of(
                new FieldChange("description", "a".repeat(50), "b".repeat(50)),
                new FieldChange("tags", List.of("chest"), List.of("chest", "covid-19")),
                new FieldChange("license", null, "CC0-1.0"))))
                .isEqualTo("description changed; tags changed from chest to chest, covid-19; license changed from (empty) to CC0-1.0");
        assertThat(ChangeSummary.of(List.of())).isEqualTo("no field changed");
    }

    @Test
    void trustFieldsAreLabelledAsPeopleReadThem() {
        assertThat(ChangeSummary.label("referenceStandard")).isEqualTo("reference standard");
        assertThat(ChangeSummary.label("riskOfBias.participants.risk")).isEqualTo("risk of bias: participants");
        assertThat(ChangeSummary.label("riskOfBias.referenceStandard.reason"))
                .isEqualTo("risk of bias: reference standard, reason");
        assertThat(ChangeSummary.label("riskOfBias.images")).isEqualTo("risk of bias: images");
        assertThat(ChangeSummary.label("provenance.counts.patients.verifiedOn")).isEqualTo("patient count: verified on");
        assertThat(ChangeSummary.label("provenance.counts.patients")).isEqualTo("patient count: verification");
        assertThat(ChangeSummary.label("provenance.relations[0]")).isEqualTo("relations[0]: verification");
    }
}
