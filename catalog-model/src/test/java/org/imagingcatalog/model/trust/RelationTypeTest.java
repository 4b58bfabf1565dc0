package org.imagingcatalog.model.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.imagingcatalog.model.events.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelationTypeTest {

    @Test
    void holdsDataCite45sWholeVocabularyInItsSpelling() {
        assertThat(Arrays.stream(RelationType.values()).map(RelationType::dataCite)).containsExactlyInAnyOrder(
                "IsCitedBy", "Cites", "IsSupplementTo", "IsSupplementedBy", "IsContinuedBy", "Continues", "Describes",
                "IsDescribedBy", "HasMetadata", "IsMetadataFor", "HasVersion", "IsVersionOf", "IsNewVersionOf",
                "IsPreviousVersionOf", "IsPartOf", "HasPart", "IsPublishedIn", "IsReferencedBy", "References",
                "IsDocumentedBy", "Documents", "IsCompiledBy", "Compiles", "IsVariantFormOf", "IsOriginalFormOf",
                "IsIdenticalTo", "IsReviewedBy", "Reviews", "IsDerivedFrom", "IsSourceOf", "IsRequiredBy", "Requires",
                "IsObsoletedBy", "Obsoletes", "IsCollectedBy", "Collects");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IsDerivedFrom", "isderivedfrom", "ISDERIVEDFROM", "is derived from", "IS_DERIVED_FROM",
            " Is-Derived-From "})
    void isReadInAnyCase(String raw) {
        assertThat(RelationType.parse(raw)).isEqualTo(RelationType.IS_DERIVED_FROM);
    }

    @Test
    void isWrittenInDataCitesSpelling() throws Exception {
        assertThat(EventJson.mapper().writeValueAsString(RelationType.IS_SOURCE_OF)).isEqualTo("\"IsSourceOf\"");
        assertThat(EventJson.mapper().readValue("\"hasPart\"", RelationType.class)).isEqualTo(RelationType.HAS_PART);
        assertThat(RelationType.IS_PART_OF).hasToString("IsPartOf");
    }

    @Test
    void anythingElseIsRefusedWithExamples() {
        assertThatThrownBy(() -> RelationType.parse("TookImagesFrom")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be a DataCite relation type such as IsDerivedFrom, IsPartOf or IsIdenticalTo, not \"TookImagesFrom\"");
        assertThatThrownBy(() -> RelationType.parse("HasTranslation")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRelationKeepsADoiTargetInItsNormalFormAndAnAddressAsGiven() {
        assertThat(new Relation(RelationType.IS_DERIVED_FROM, "https://doi.org/10.5281/ZENODO.1", " ").target())
                .isEqualTo("10.5281/zenodo.1");
        Relation linked = new Relation(RelationType.IS_DERIVED_FROM, " https://www.butterflynetwork.com/covid-19#gallery ", null);
        assertThat(linked.target()).isEqualTo("https://www.butterflynetwork.com/covid-19#gallery");
        assertThat(linked.note()).isNull();
        assertThat(linked.hasValidTarget()).isTrue();
        assertThat(new Relation(RelationType.IS_DERIVED_FROM, "sirm-covid-19-database", null).hasValidTarget()).isTrue();
        assertThat(new Relation(RelationType.IS_DERIVED_FROM, "SIRM database", null).hasValidTarget()).isFalse();
        assertThat(new Relation(RelationType.IS_DERIVED_FROM, "doi:per-case", null).hasValidTarget()).isFalse();
    }
}
