package org.imagingcatalog.publicweb.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Unit tests of the query rules the page, the API, the exports and the feed share. */
class CatalogQueryTest {

    @Test
    void queryParsesOnceAndWritesACanonicalUrl() {
        CatalogQuery query = CatalogQuery.parse(Map.of("q", List.of(" chest ct "), "ct", List.of("y"),
                "caseReview", List.of("U"), "access", List.of("open"), "page", List.of("2")));
        assertThat(query.q()).isEqualTo("chest ct");
        assertThat(query.effectiveSort()).isEqualTo(Sort.RELEVANCE);
        assertThat(query.queryString()).isEqualTo("q=chest+ct&ct=Y&caseReview=U&access=OPEN&page=2");
        assertThat(query.filterQueryString()).isEqualTo("q=chest+ct&ct=Y&caseReview=U&access=OPEN");
        assertThat(CatalogQuery.parse(Map.of()).effectiveSort()).isEqualTo(Sort.NAME);
        assertThatThrownBy(() -> CatalogQuery.parse(Map.of("mri", List.of("maybe"))))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("mri"));
        assertThatThrownBy(() -> CatalogQuery.parse(Map.of("size", List.of("101"))))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("size"));
        assertThatThrownBy(() -> CatalogQuery.parse(Map.of("page", List.of("x"))))
                .isInstanceOfSatisfying(BadQueryException.class, e -> assertThat(e.parameter()).isEqualTo("page"));
    }

    @Test
    void eachAddressKnowsItsParametersAndRefusesOthersNamingThemAll() {
        // a made-up parameter was once ignored: casereview=Y returned the whole catalog
        assertThatThrownBy(() -> CatalogQuery.parse(Map.of("casereview", List.of("Y"), "utm", List.of("x"),
                "ct", List.of("Y")))).isInstanceOfSatisfying(BadQueryException.class, e -> {
                    assertThat(e.refusals()).extracting(BadQueryException.Refusal::parameter)
                            .containsExactly("casereview", "utm");
                    assertThat(e.problem()).contains("did you mean \"caseReview\"");
                    assertThat(e.unknownParametersOnly()).isTrue();
                });
        assertThatThrownBy(() -> CatalogQuery.parse(Map.of("licence", List.of("CC0-1.0"))))
                .isInstanceOfSatisfying(BadQueryException.class,
                        e -> assertThat(e.problem()).contains("did you mean \"license\""));
        assertThatThrownBy(() -> CatalogQuery.parse(Map.of("page", List.of("2")), CatalogQuery.Route.FEED))
                .isInstanceOf(BadQueryException.class);
        assertThat(CatalogQuery.parse(Map.of("page", List.of("2"), "size", List.of("10")), CatalogQuery.Route.EXPORT)
                .filterQueryString()).isEmpty();
    }

    @Test
    void formatsAndAnnotationsAreListsOfAnyOfTheirValues() {
        CatalogQuery query = CatalogQuery.parse(Map.of("format", List.of("DICOM, nifti", " dicom ,PNG,,"),
                "annotation", List.of("segmentation")));
        assertThat(query.formats()).containsExactly("DICOM", "nifti", "PNG");
        assertThat(query.annotations()).containsExactly("segmentation");
        assertThat(query.queryString()).isEqualTo("format=DICOM%2Cnifti%2CPNG&annotation=segmentation");
        assertThat(query.filtered()).isTrue();
        assertThat(CatalogQuery.parse(Map.of("format", List.of(" , "))).formats()).isEmpty();
    }
}
