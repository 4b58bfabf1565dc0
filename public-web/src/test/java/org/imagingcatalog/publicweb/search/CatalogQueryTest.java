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
                "caseReview", List.of("U"), "access", List.of("open"), "page", List.of("2"), "utm", List.of("x")));
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
}
