package org.imagingcatalog.publicweb.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.publicweb.catalog.Links;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Unit tests of the pure formatting rules. */
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
    void theRiskOfBiasColumnShowsTheWorstAssessedRisk() {
        RiskJudgement low = new RiskJudgement(Risk.LOW, "a");
        RiskJudgement unclear = new RiskJudgement(Risk.UNCLEAR, "b");
        RiskJudgement high = new RiskJudgement(Risk.HIGH, "c");
        assertThat(Latex.worstRisk(RiskOfBias.unassessed())).isEqualTo("--");
        assertThat(Latex.worstRisk(new RiskOfBias(low, null, null, null))).isEqualTo("L");
        assertThat(Latex.worstRisk(new RiskOfBias(low, unclear, null, low))).isEqualTo("U");
        assertThat(Latex.worstRisk(new RiskOfBias(null, unclear, high, low))).isEqualTo("H");
    }

    @Test
    void identifiersAndOutsideSourcesLinkToTheirRegistries() {
        assertThat(Links.doi("10.1000/a b#c?d")).isEqualTo("https://doi.org/10.1000/a%20b%23c%3Fd");
        assertThat(Links.of(new Identifier(IdentifierScheme.DOI, "doi:10.5281/ZENODO.3757476")))
                .contains("https://doi.org/10.5281/zenodo.3757476");
        assertThat(Links.of(new Identifier(IdentifierScheme.KAGGLE, "c/rsna-pneumonia-detection-challenge")))
                .contains("https://www.kaggle.com/competitions/rsna-pneumonia-detection-challenge");
        assertThat(Links.of(new Identifier(IdentifierScheme.PMID, "PMID: 32247484")))
                .contains("https://pubmed.ncbi.nlm.nih.gov/32247484/");
        assertThat(Links.of(new Identifier(IdentifierScheme.DOI, "per-case"))).isEmpty();
        assertThat(Links.ofSource("https://example.org/x")).contains("https://example.org/x");
        assertThat(Links.ofSource("10.1002/mp.14676")).contains("https://doi.org/10.1002/mp.14676");
        assertThat(Links.ofSource("covid-ct")).isEmpty();
        assertThat(Links.ofSource("javascript:alert(1)")).isEmpty();
    }

    @Test
    void jsonForAScriptBlockHasNoMarkup() {
        ObjectNode node = org.imagingcatalog.model.events.EventJson.mapper().createObjectNode();
        node.put("name", "</script><!-- & \u2028");
        assertThat(SchemaOrg.forScriptBlock(node)).isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\"}");
    }
}
