package org.imagingcatalog.publicweb.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.support.CsvParser;
import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Acceptance 6: hostile text in any field comes out inert in HTML, JSON-LD, CSV and LaTeX. */
@QuarkusTest
class EscapingTest {

    private static final String WORD = Entries.unique("hostile");
    private static final String ID = Entries.unique("script");
    private static final String NAME = "=HYPERLINK(\"http://evil\") <script>alert('name')</script> & Co";
    private static final String DESCRIPTION = "</script><script>alert(\"desc\")</script> 100% $5 #1 a_b {x} ~y ^z \\end " + WORD;
    private static final String PROVIDER = "@SUM(1+1) \"Quoted\" 'single' <b>bold</b>";
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        Resource hostile = new Resource(ID, NAME, "https://example.org/?a=1&b=<x>", DESCRIPTION, PROVIDER,
                new Modalities(Availability.Y, Availability.N, Availability.U, Availability.U), Availability.Y,
                Availability.N, "-1+2 <lic>", Access.OPEN, List.of("+PNG"), Counts.none(), List.of(),
                List.of(WORD, "<tag>"), null, null);
        Entries.publish(hostile);
        Entries.awaitVersion(ID, 1);
    }

    @Test
    void htmlShowsTheTextEscaped() {
        for (String path : List.of("/resources/" + ID, "/?q=" + WORD)) {
            String html = given().get(path).then().statusCode(200).extract().asString();
            assertThat(html).as(path).doesNotContain("<script>alert", "<b>bold</b>")
                    .contains("&lt;script&gt;alert(");
        }
        String page = given().get("/resources/" + ID).asString();
        assertThat(page).contains("&quot;Quoted&quot;", "&lt;b&gt;bold&lt;/b&gt;");
        // the only script element is the JSON-LD data block
        assertThat(Pattern.compile("<script").matcher(page).results().count()).isEqualTo(1);
    }

    @Test
    void jsonLdCannotBreakOutOfItsScriptBlockAndParsesBackToTheText() throws Exception {
        String page = given().get("/resources/" + ID).asString();
        Matcher block = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertThat(block.find()).isTrue();
        assertThat(block.group(1)).doesNotContain("<", ">", "&");
        JsonNode dataset = EventJson.mapper().readTree(block.group(1));
        assertThat(dataset.get("@type").asText()).isEqualTo("Dataset");
        assertThat(dataset.get("name").asText()).isEqualTo(NAME);
        assertThat(dataset.get("description").asText()).isEqualTo(DESCRIPTION);
        JsonNode catalog = EventJson.mapper().readTree(given().get("/export/catalog.jsonld?q=" + WORD).asString());
        assertThat(catalog.get("dataset").get(0).get("creator").get("name").asText()).isEqualTo(PROVIDER);
    }

    @Test
    void csvNeutralisesFormulasAndQuotesCells() {
        List<List<String>> rows = CsvParser.parse(given().get("/export/catalog.csv?q=" + WORD).asString());
        assertThat(rows).hasSize(2);
        List<String> row = rows.get(1);
        assertThat(row.get(1)).isEqualTo("'" + NAME);
        assertThat(row.get(3)).isEqualTo(DESCRIPTION);
        assertThat(row.get(4)).isEqualTo("'" + PROVIDER);
        assertThat(row.get(11)).isEqualTo("'-1+2 <lic>");
        assertThat(row.get(13)).isEqualTo("'+PNG");
        for (String cell : row) {
            assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        }
    }

    @Test
    void latexAndBibtexEscapeTheSpecials() {
        String tex = given().get("/export/catalog.tex?q=" + WORD).asString();
        // long "words" get line-break opportunities; the row cites the entry's BibTeX key
        assertThat(tex).contains("=\\allowbreak{}HYPERLINK(\"http:\\allowbreak{}//evil\") \\textless{}script\\textgreater{}"
                + "alert('n\\allowbreak{}ame')\\textless{}/script\\textgreater{} \\& Co~\\cite{" + ID + "} & Y & N & U & U & Y & N \\\\");
        String bib = given().get("/export/catalog.bib?q=" + WORD).asString();
        assertThat(bib).contains("@misc{" + ID + ",", "\\textless{}script\\textgreater{}", "\\& Co")
                .doesNotContain("<script>");
        assertThat(braceDepthNeverNegativeAndEndsAtZero(bib)).isTrue();
    }

    private static boolean braceDepthNeverNegativeAndEndsAtZero(String bib) {
        int depth = 0;
        for (int i = 0; i < bib.length(); i++) {
            char c = bib.charAt(i);
            if (c == '\\' && i + 1 < bib.length() && (bib.charAt(i + 1) == '{' || bib.charAt(i + 1) == '}')) {
                i++;
                continue;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
