package org.imagingcatalog.publicweb.export;

import static org.assertj.core.api.Assertions.assertThat;

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
    void jsonForAScriptBlockHasNoMarkup() {
        ObjectNode node = org.imagingcatalog.model.events.EventJson.mapper().createObjectNode();
        node.put("name", "</script><!-- & \u2028");
        assertThat(SchemaOrg.forScriptBlock(node)).isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\"}");
    }
}
