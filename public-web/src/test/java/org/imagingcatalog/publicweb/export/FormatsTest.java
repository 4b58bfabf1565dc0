package org.imagingcatalog.publicweb.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.imagingcatalog.publicweb.catalog.BadQueryException;
import org.imagingcatalog.publicweb.catalog.CatalogQuery;
import org.imagingcatalog.publicweb.catalog.Sort;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Unit tests of the pure formatting and query rules. */
class FormatsTest {

    @Test
    void csvCellsAreNeutralisedAndQuoted() {
        assertThat(Csv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.cell("+1")).isEqualTo("'+1");
        assertThat(Csv.cell("-1")).isEqualTo("'-1");
        assertThat(Csv.cell("@A1")).isEqualTo("'@A1");
        assertThat(Csv.cell("\tx")).isEqualTo("'\tx");
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void latexEscapesEverySpecial() {
        assertThat(Latex.escape("\\ & % $ # _ { } ~ ^")).isEqualTo(
                "\\textbackslash{} \\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{}");
        assertThat(Latex.escape("a\nb")).isEqualTo("a b");
    }

    @Test
    void jsonForAScriptBlockHasNoMarkup() {
        ObjectNode node = org.imagingcatalog.model.events.EventJson.mapper().createObjectNode();
        node.put("name", "</script><!-- & \u2028");
        assertThat(SchemaOrg.forScriptBlock(node)).isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\"}");
    }

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
