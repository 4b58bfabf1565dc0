package org.imagingcatalog.model.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustVocabulariesTest {

    @Test
    void missingMeansNotStated() {
        assertThat(ReferenceStandard.parse(null)).isEqualTo(ReferenceStandard.UNKNOWN);
        assertThat(Population.parse(" ")).isEqualTo(Population.UNKNOWN);
        assertThat(ImageSource.parse("")).isEqualTo(ImageSource.UNKNOWN);
        assertThat(Risk.parse(null)).isNull();
        assertThat(ReferenceStandard.UNKNOWN.label()).isEqualTo("not stated");
    }

    @Test
    void valuesAreReadInAnyCaseWithSpacesOrHyphens() {
        assertThat(ReferenceStandard.parse("rt-pcr")).isEqualTo(ReferenceStandard.RT_PCR);
        assertThat(ReferenceStandard.parse("report derived")).isEqualTo(ReferenceStandard.REPORT_DERIVED);
        assertThat(Population.parse("paediatric")).isEqualTo(Population.PAEDIATRIC);
        assertThat(ImageSource.parse("From_Publications")).isEqualTo(ImageSource.FROM_PUBLICATIONS);
        assertThat(Risk.parse("unclear")).isEqualTo(Risk.UNCLEAR);
    }

    @Test
    void otherValuesAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> ReferenceStandard.parse("PCR")).hasMessage(
                "must be RT_PCR, CLINICAL, RADIOLOGIST, REPORT_DERIVED, MIXED or UNKNOWN, not \"PCR\"");
        assertThatThrownBy(() -> Population.parse("CHILDREN"))
                .hasMessage("must be ADULT, PAEDIATRIC, MIXED or UNKNOWN, not \"CHILDREN\"");
        assertThatThrownBy(() -> ImageSource.parse("DICOM")).hasMessageStartingWith("must be HOSPITAL_DICOM, ");
        assertThatThrownBy(() -> Risk.parse("MEDIUM")).hasMessage("must be LOW, HIGH or UNCLEAR, not \"MEDIUM\"");
    }

    @Test
    void riskOfBiasHasFourDomainsEachUnassessedUntilJudged() {
        RiskOfBias rob = RiskOfBias.unassessed();
        assertThat(rob.isUnassessed()).isTrue();
        RiskJudgement high = new RiskJudgement(Risk.HIGH, " paediatric controls ");
        rob = rob.with(RiskDomain.PARTICIPANTS, high);
        assertThat(rob.participants()).isEqualTo(new RiskJudgement(Risk.HIGH, "paediatric controls"));
        assertThat(rob.get(RiskDomain.IMAGES)).isNull();
        assertThat(rob.isUnassessed()).isFalse();
        assertThat(rob.with(RiskDomain.PARTICIPANTS, null).isUnassessed()).isTrue();
    }
}
