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
}
