package org.imagingcatalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagsAndEnumsTest {

    @ParameterizedTest
    @CsvSource({"Y,Y", "y,Y", " n ,N", "U,U", "u,U"})
    void availabilityAcceptsYNUInAnyCase(String raw, Availability expected) {
        assertThat(Availability.parse(raw)).isEqualTo(expected);
    }

    @Test
    void aMissingAvailabilityIsUnknown() {
        assertThat(Availability.parse(null)).isEqualTo(Availability.U);
        assertThat(Availability.parse("  ")).isEqualTo(Availability.U);
        assertThat(Availability.U.label()).isEqualTo("unknown");
        assertThat(Availability.Y.label()).isEqualTo("yes");
    }

    @Test
    void anyOtherAvailabilityIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Availability.parse("maybe")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be Y, N or U (yes, no, unknown), not \"maybe\"");
        assertThatThrownBy(() -> Availability.parse("yes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accessParsesLikeTheFlags() {
        assertThat(Access.parse(null)).isEqualTo(Access.UNKNOWN);
        assertThat(Access.parse("registration")).isEqualTo(Access.REGISTRATION);
        assertThatThrownBy(() -> Access.parse("FREE"))
                .hasMessage("must be OPEN, REGISTRATION, APPLICATION or UNKNOWN, not \"FREE\"");
    }

    @Test
    void modalitiesDefaultToUnknownAndAreReadByModality() {
        Modalities m = new Modalities(Availability.Y, null, Availability.N, null);
        assertThat(m.get(Modality.CT)).isEqualTo(Availability.Y);
        assertThat(m.get(Modality.XRAY)).isEqualTo(Availability.U);
        assertThat(m.get(Modality.MRI)).isEqualTo(Availability.N);
        assertThat(Modalities.unknown().get(Modality.ULTRASOUND)).isEqualTo(Availability.U);
        assertThat(Modality.XRAY.key()).isEqualTo("xray");
        assertThat(Modality.XRAY.label()).isEqualTo("X-ray");
    }

    @Test
    void decisionsLeadToTheirSubmissionStatus() {
        assertThat(DecisionOutcome.ACCEPT.resultingStatus()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(DecisionOutcome.REJECT.resultingStatus()).isEqualTo(SubmissionStatus.REJECTED);
        assertThat(DecisionOutcome.REQUEST_CHANGES.resultingStatus()).isEqualTo(SubmissionStatus.CHANGES_REQUESTED);
    }

    @Test
    void namesOfTheContract() {
        assertThat(Topics.all()).containsExactly("catalog.submissions.v1", "catalog.decisions.v1", "catalog.entries.v1",
                "catalog.link-health.v1", "catalog.releases.v1");
        assertThat(Topics.all()).filteredOn(Topics::compacted).containsExactly("catalog.entries.v1",
                "catalog.link-health.v1", "catalog.releases.v1");
        assertThat(Roles.CATALOG_ADMIN).isEqualTo("catalog-admin");
        assertThat(Limits.REQUEST_BODY_MAX_BYTES).isEqualTo(64 * 1024);
    }
}
