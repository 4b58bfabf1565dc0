package org.imagingcatalog.publicweb.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15: a resource page tells its reader where the images come from (the lineage drawn as an accessible SVG
 * with a list of links beside it, and the plain "built from" sentence), how the labels were set, whose and what
 * images it holds, its risk of bias with the reasons, and its identifiers; as the seed's sources state them.
 */
@QuarkusTest
class ResourceTrustPageTest {

    private static final String HOSTILE_SOURCE = Entries.unique("hostile-source");
    private static final String HOSTILE_CHILD = Entries.unique("hostile-child");
    private static final String HOSTILE_NAME = "Evil <script>alert(1)</script> & \"co\" </svg><p>";
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        Seed.publishOnce();
        if (published) {
            return;
        }
        published = true;
        Entries.publish(Entries.resource(HOSTILE_SOURCE, HOSTILE_NAME, "YNNNNN", "x", List.of("t")));
        Resource child = Entries.resource(HOSTILE_CHILD, "Child of hostile", "YNNNNN", "x", List.of("t"))
                .withTrust(new TrustFields(List.of(new Relation(RelationType.IS_DERIVED_FROM, HOSTILE_SOURCE,
                        "<b>note</b>"), new Relation(RelationType.IS_DERIVED_FROM,
                                "https://example.org/" + HOSTILE_SOURCE + "/x?a=1&b='2'", null)), null, null, null, null,
                        null, null));
        Entries.publish(child);
        Entries.awaitVersion(HOSTILE_SOURCE, 1);
        Entries.awaitVersion(HOSTILE_CHILD, 1);
    }

    @Test
    void theRadiographyDatabaseSaysItIsBuiltFromEightOtherDatasets() {
        String html = page("covid-19-radiography-database");
        String text = text(html);
        assertThat(text).contains("Built from 8 other datasets: COVID-19 Image Data Collection, Eurorad, SIRM COVID-19"
                + " Database, bimcv.cipf.es/bimcv-projects/bimcv-covid19")
                .contains("Do not test a model trained on one of them on this one.")
                .contains("Through them it also holds images of 2 more: coronacases.org and Radiopaedia COVID-19 cases.");
        // the sentence links the catalog's entries and the outside sources
        String sentence = html.substring(html.indexOf("id=\"built-from\""), html.indexOf("</p>", html.indexOf("id=\"built-from\"")));
        assertThat(sentence).contains("<a href=\"/resources/covid-chestxray-dataset\">COVID-19 Image Data Collection</a>",
                "<a href=\"/resources/sirm-covid-19-database\">", "<a href=\"/resources/eurorad\">",
                "<a href=\"https://www.kaggle.com/c/rsna-pneumonia-detection-challenge\">",
                "<a href=\"https://www.kaggle.com/paultimothymooney/chest-xray-pneumonia\">");
        // and what is built from it: covid-chestxray-dataset's page names the radiography database
        assertThat(text(page("covid-chestxray-dataset"))).contains("1 other dataset is built from this one: COVID-19"
                + " Radiography Database.");
    }

    @Test
    void theLineageIsDrawnAsAnAccessibleSvgWithTheSameDatasetsListedBeside() throws Exception {
        String html = page("covid-19-radiography-database");
        Document svg = svg(html);
        Element root = svg.getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("lineage-title lineage-desc");
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent())
                .isEqualTo("Lineage of COVID-19 Radiography Database");
        String desc = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent();
        assertThat(desc).contains("COVID-19 Radiography Database is built from", "COVID-19 Image Data Collection is built"
                + " from SIRM COVID-19 Database, Radiopaedia COVID-19 cases, Eurorad, coronacases.org and"
                + " github.com/ml-workgroup/covid-19-image-repository.");
        List<String> texts = texts(svg);
        assertThat(texts).contains(LineageDrawing.shorten("COVID-19 Radiography Database"), "this dataset",
                LineageDrawing.shorten("COVID-19 Image Data Collection"), "in the catalog", "Eurorad",
                "coronacases.org");
        // 11 nodes: the entry, 5 sources in the catalog (two through covid-chestxray-dataset), 5 outside it; the
        // largest row (8 direct sources) is cut at 4 boxes, the last saying how many more the list holds
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").getLength()).isEqualTo(7);
        assertThat(texts).anyMatch(t -> t.startsWith("and 5 more"));
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "line").getLength()).isPositive();
        assertThat(html).doesNotContain("<script src", "onclick", "<script>");
        // the list beside it links every node: 8 direct, 2 further (through covid-chestxray-dataset)
        String list = html.substring(html.indexOf("class=\"lineage-list\""), html.indexOf("id=\"check-overlap\""));
        assertThat(list).contains("Built from, directly", "Built from, through those",
                "<a href=\"https://bimcv.cipf.es/bimcv-projects/bimcv-covid19/\">bimcv.cipf.es/bimcv-projects/bimcv-covid19</a>",
                "<a href=\"/resources/radiopaedia-covid-19\">Radiopaedia COVID-19 cases</a> <span class=\"muted\">(in the"
                        + " catalog), through <a href=\"/resources/covid-chestxray-dataset\">COVID-19 Image Data Collection</a>");
        assertThat(list.split("<li>", -1).length - 1).isEqualTo(10);
    }

    @Test
    void labelSourcePopulationImageSourceAndTheRiskOfBiasWithReasons() {
        String html = page("covid-19-radiography-database");
        String text = text(html);
        assertThat(text).contains("Label source (reference standard) Mixed, differing by source",
                "Population Adults and children", "Image source Mixed, differing by source");
        String rob = html.substring(html.indexOf("<table id=\"risk-of-bias\">"), html.indexOf("</table>",
                html.indexOf("<table id=\"risk-of-bias\">")));
        assertThat(text(rob)).contains("Participants", "High", "all 'Normal' (1,341) and 'Viral Pneumonia' (1,345)"
                + " images of the first release come from a set of children aged 1 to 5",
                "Composition", "combines covid-chestxray-dataset, SIRM, Eurorad and others that share images");
        // the two unassessed domains say so
        assertThat(rob.split("Not assessed: no stated fact settles it yet.", -1).length - 1).isEqualTo(2);
        assertThat(rob).contains("<span class=\"risk risk-HIGH\">High</span>", "<span class=\"risk risk-NONE\">Not assessed</span>");
        // the source each fact was verified in
        assertThat(html).contains("verified on 2026-12-03 by catalog research");
    }

    @Test
    void identifiersAreListedWithLinksDoisAtDoiOrg() {
        String html = page("covid-19-ct-lung-infection-segmentation");
        assertThat(html).contains("DOI: <a href=\"https://doi.org/10.5281/zenodo.3757476\" rel=\"noopener\">10.5281/zenodo.3757476</a>",
                "DOI: <a href=\"https://doi.org/10.1002/mp.14676\" rel=\"noopener\">10.1002/mp.14676</a>",
                "arXiv: <a href=\"https://arxiv.org/abs/2004.12537\" rel=\"noopener\">2004.12537</a>",
                "GitHub: <a href=\"https://github.com/junma11/covid-19-ct-seg-benchmark\" rel=\"noopener\">");
        assertThat(page("covid-19-radiography-database")).contains(
                "Kaggle: <a href=\"https://www.kaggle.com/datasets/tawsifurrahman/covid19-radiography-database\"");
    }

    @Test
    void anEntryWithoutLineageOrRiskAssessmentSaysSo() {
        String html = page("cord-19");
        assertThat(html).contains("id=\"no-lineage\"", "The catalog records no dataset this one is built from, and none"
                + " built from it.", "Risk of bias, after PROBAST as applied to a dataset: not assessed yet")
                .doesNotContain("<svg", "id=\"built-from\"");
        assertThat(html.split("Not assessed: no stated fact settles it yet.", -1).length - 1).isEqualTo(4);
        assertThat(text(html)).contains("Population Not stated");
    }

    @Test
    void thePageLinksTheOverlapCheckAndTheNavigationToo() {
        String html = page("covid-19-radiography-database");
        assertThat(html).contains("<a id=\"check-overlap\" href=\"/overlap?ids=covid-19-radiography-database\">",
                "<a href=\"/overlap\">Overlap check</a>");
    }

    @Test
    void namesAddressesAndNotesAreEscapedInTheDrawingTheListsAndTheSentence() throws Exception {
        String html = page(HOSTILE_CHILD);
        assertThat(html).doesNotContain("<script>alert", "</svg><p>", "<b>note</b>");
        // outside the JSON-LD data block (where a quote is harmless JSON), quotes are entities too
        assertThat(html.replaceAll("(?s)<script type=\"application/ld\\+json\">.*?</script>", "")).doesNotContain("b='2'")
                .contains("Evil &lt;script&gt;alert(1)&lt;/script&gt; &amp;", "&lt;b&gt;note&lt;/b&gt;",
                        "x?a=1&amp;b=&#39;2&#39;");
        Document svg = svg(html); // still one well-formed drawing
        assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent())
                .contains(HOSTILE_NAME);
        // an outside source is drawn with its address, and says it is outside the catalog
        assertThat(texts(svg)).contains(LineageDrawing.shorten(HOSTILE_NAME), "outside the catalog",
                LineageDrawing.shorten("example.org/" + HOSTILE_SOURCE + "/x?a=1&b='2'"));
        assertThat(text(html)).contains("Built from 2 other datasets:");
    }

    /** A sentence naming a dozen datasets is a list nobody reads: it names ten and counts the rest, the list has all. */
    @Test
    void theSentenceNamesTenDerivativesAndTheListNamesThemAll() {
        String root = Entries.unique("popular-root");
        Entries.publish(Entries.resource(root, "Popular root", "YNNNNN", "x", List.of("t")));
        for (int i = 1; i <= 12; i++) {
            String id = root + "-child-" + i;
            Entries.publish(Entries.resource(id, String.format("Child %02d", i), "YNNNNN", "x", List.of("t"))
                    .withTrust(new TrustFields(List.of(new Relation(RelationType.IS_DERIVED_FROM, root, null)), null,
                            null, null, null, null, null)));
            Entries.awaitVersion(id, 1);
        }
        String html = page(root);
        String sentence = html.substring(html.indexOf("id=\"built-into\""), html.indexOf("</p>", html.indexOf("id=\"built-into\"")));
        assertThat(sentence).contains("12 other datasets are built from this one", "Child 01", "Child 10",
                "and 2 more (listed below)").doesNotContain("Child 11", "Child 12");
        String list = html.substring(html.indexOf("class=\"lineage-list\""), html.indexOf("id=\"check-overlap\""));
        assertThat(list).contains("Child 01", "Child 11", "Child 12");
    }

    private static String page(String id) {
        return given().get("/resources/" + id).then().statusCode(200).extract().asString();
    }

    /** The page's drawing, parsed as the XML it must be. */
    static Document svg(String html) throws Exception {
        int start = html.indexOf("<svg");
        int end = html.indexOf("</svg>", start) + "</svg>".length();
        assertThat(start).as("an <svg> in the page").isNotNegative();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.substring(start, end)
                .getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** What a reader sees: tags dropped, entities decoded, white space collapsed. */
    static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<svg.*?</svg>", " ")
                .replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }
}
