package org.imagingcatalog.publicweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.model.lineage.LineageEdge;
import org.imagingcatalog.model.lineage.LineageNode;
import org.imagingcatalog.model.lineage.LineageView;
import org.imagingcatalog.model.trust.RelationType;
import org.junit.jupiter.api.Test;

class LineageDrawingTest {

    /** A chain {@code depth} deep above and below "middle": c-1 is built from middle, middle from a-1, and so on. */
    private static LineageView chain(int depth, List<LineageNode> nodes, List<LineageEdge> edges) {
        nodes.add(new LineageNode("middle", false));
        String above = "middle";
        String below = "middle";
        for (int i = 1; i <= depth; i++) {
            nodes.add(new LineageNode("a-" + i, false));
            nodes.add(new LineageNode("c-" + i, false));
            edges.add(new LineageEdge(above, RelationType.IS_DERIVED_FROM, "a-" + i));
            edges.add(new LineageEdge("c-" + i, RelationType.IS_DERIVED_FROM, below));
            above = "a-" + i;
            below = "c-" + i;
        }
        return new LineageView("middle", nodes, edges);
    }

    private static Map<String, LineageDrawing.Node> shown(List<LineageNode> nodes) {
        Map<String, LineageDrawing.Node> shown = new HashMap<>();
        nodes.forEach(n -> shown.put(n.id(), new LineageDrawing.Node(n.id(), "Dataset " + n.id(), "catalog entry",
                n.id().equals("middle"), false)));
        return shown;
    }

    @Test
    void aDeepChainDrawsSixLevelsEachWayAndCountsTheRest() {
        List<LineageNode> nodes = new ArrayList<>();
        LineageView view = chain(1000, nodes, new ArrayList<>());
        String svg = LineageDrawing.svg(view, shown(nodes), "Lineage", "A chain");

        assertThat(count(svg, "<rect")).isEqualTo(1 + 2 * LineageDrawing.DEPTH + 2);
        assertThat(svg).contains("and " + (1000 - LineageDrawing.DEPTH) + " more (listed)");
        assertThat(svg).contains("Dataset a-6").doesNotContain("Dataset a-7").contains("Dataset c-6")
                .doesNotContain("Dataset c-7");
        assertThat(svg.length()).isLessThan(20_000);
    }

    @Test
    void aShortChainIsDrawnWhole() {
        List<LineageNode> nodes = new ArrayList<>();
        String svg = LineageDrawing.svg(chain(LineageDrawing.DEPTH, nodes, new ArrayList<>()), shown(nodes), "t", "d");
        assertThat(count(svg, "<rect")).isEqualTo(1 + 2 * LineageDrawing.DEPTH);
        assertThat(svg).doesNotContain("more (listed)");
    }

    @Test
    void escapingCopiesOnlyWhatNeedsIt() {
        String plain = "COVID-19 Radiography Database";
        assertThat(LineageDrawing.escape(plain)).isSameAs(plain);
        assertThat(LineageDrawing.escape("a<b & \"c\" 'd'\u0000")).isEqualTo("a&lt;b &amp; &quot;c&quot; &#39;d&#39;");
        assertThat(LineageDrawing.escape("Ünïcode 😷")).isEqualTo("Ünïcode 😷");
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
