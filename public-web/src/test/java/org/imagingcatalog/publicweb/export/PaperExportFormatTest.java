package org.imagingcatalog.publicweb.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Availability;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, the shape of the LaTeX table and the BibTeX a paper takes from the catalog (what
 * {@link LatexPaperTest} compiles): a page-breaking table that cites each row by its BibTeX key and names
 * the catalog and date, BibTeX without the year of listing, and text pdfLaTeX can always set.
 */
class PaperExportFormatTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);
    private static final Availability[] FLAGS = {Availability.Y, Availability.N, Availability.U,
        Availability.U, Availability.Y, Availability.N};

    @Test
    void theTableIsALongtableThatSaysWhatItNeedsAndNamesTheCatalogAndTheDate() {
        String tex = Latex.table(LatexPaperTest.synthetic(3), AS_OF);
        List<String> comments = tex.lines().takeWhile(l -> l.startsWith("%")).toList();
        assertThat(String.join("\n", comments)).contains("\\usepackage{longtable,array}", "texlive-latex-base",
                "\\input{catalog.tex}", "\\bibliography{catalog}", "\\ref{" + Latex.LABEL + "}", "2026-12-03");
        String body = tex.lines().skip(comments.size()).reduce("", (a, b) -> a + b + "\n");
        assertThat(body).contains("\\begin{longtable}{@{}>{\\raggedright\\arraybackslash}p{\\catalogNameWidth}"
                + "ccccc>{\\centering\\arraybackslash}p{\\catalogReviewWidth}@{}}", "\\endfirsthead", "\\endhead",
                "\\endlastfoot", "\\end{longtable}", "Name & CT & X-ray & MRI & US & Metadata & Case review \\\\",
                "\\caption[{Imaging Data Catalog: public medical imaging data resources, as of \\mbox{2026-12-03}}]",
                "\\label{" + Latex.LABEL + "}")
                .doesNotContain("tabular}", "booktabs", "xltabular", "\\toprule", "\\usepackage");
        // the table's lengths and font size stay inside a group
        assertThat(body).startsWith("\\begingroup\n").endsWith("\\end{longtable}\n\\endgroup\n");
        assertThat(Latex.table(List.of(), AS_OF, "2027.1")).contains(
                "\\caption[{Imaging Data Catalog, release 2027.1: public medical imaging data resources, as of "
                        + "\\mbox{2026-12-03}}]");
    }

    @Test
    void everyRowCitesItsEntryByTheKeyOfTheBibtexExport() {
        List<Entry> entries = List.of(LatexPaperTest.entry("cord-19", "COVID-19 Open Research Dataset (CORD-19)",
                "Allen Institute for AI", "https://github.com/allenai/cord19", FLAGS, 2),
                LatexPaperTest.entry("covid-ct", "COVID-CT-Dataset", null, "https://github.com/UCSD-AI4H/COVID-CT",
                        FLAGS, 1));
        String tex = Latex.table(entries, AS_OF);
        assertThat(tex).contains("COVID-19 Open Research Dataset (CORD-19)~\\cite{cord-19} & Y & N & U & U & Y & N \\\\\n",
                "COVID-CT-Dataset~\\cite{covid-ct} & Y & N & U & U & Y & N \\\\\n");
        String bib = Bibtex.all(entries, "https://catalog.example.org", AS_OF);
        Matcher cite = Pattern.compile("\\\\cite\\{([^}]*)\\}").matcher(tex.substring(tex.indexOf("\\endlastfoot")));
        int rows = 0;
        while (cite.find()) {
            rows++;
            assertThat(bib).contains("@misc{" + cite.group(1) + ",\n");
        }
        assertThat(rows).isEqualTo(entries.size());
        assertThat(Bibtex.key("odd id/ü")).isEqualTo("odd-id--");
    }

    @Test
    void bibtexHasNoYearOfListingButTheUrlAndTheAccessDate() {
        Entry entry = LatexPaperTest.entry("cord-19", "COVID-19 Open Research Dataset (CORD-19)",
                "Allen Institute for AI", "https://github.com/allenai/cord19", FLAGS, 2);
        String bib = Bibtex.all(List.of(entry), "https://catalog.example.org", AS_OF);
        assertThat(bib).isEqualTo("""
                @preamble{"\\providecommand{\\url}[1]{\\texttt{#1}}"}

                @misc{cord-19,
                  title = {{COVID-19 Open Research Dataset (CORD-19)}},
                  author = {{Allen Institute for AI}},
                  howpublished = {\\url{https://github.com/allenai/cord19}},
                  url = {https://github.com/allenai/cord19},
                  note = {Version 2. Listed in the Imaging Data Catalog as \\url{https://catalog.example.org/resources/cord-19}. Accessed 2026-12-03},
                }

                """);
        assertThat(bib).doesNotContain("year", "2024"); // the entry was listed (updatedAt) in 2024
        // without a provider, classic styles sort and label by the key field
        String anonymous = Bibtex.entry(LatexPaperTest.entry("x", "A & B", " ", "https://x.org", FLAGS, 1),
                "https://c.org", AS_OF);
        assertThat(anonymous).contains("  key = {A \\& B},\n").doesNotContain("author");
    }

    @Test
    void bibtexFieldsKeepTheirBracesBalancedWhateverTheText() {
        for (Entry entry : LatexPaperTest.hostile()) {
            String bib = Bibtex.entry(entry, "https://catalog.example.org", AS_OF);
            int depth = 0;
            for (char c : bib.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0; // BibTeX counts escaped braces too
                assertThat(depth).as(bib).isNotNegative();
            }
            assertThat(depth).as(bib).isZero();
            assertThat(bib).as(bib).endsWith("},\n}\n");
        }
        assertThat(Bibtex.text("a {b} c")).isEqualTo("a \\textbraceleft{}b\\textbraceright{} c");
    }

    @Test
    void urlsArePercentEncodedWhereTheyWouldBreakAFieldOrTheUrlCommand() {
        assertThat(Bibtex.url("https://example.org/{x}\\y z")).isEqualTo("https://example.org/%7Bx%7D%5Cy%20z");
        assertThat(Bibtex.url("https://例え.jp/ü")).isEqualTo("https://%E4%BE%8B%E3%81%88.jp/%C3%BC");
        assertThat(Bibtex.url("https://example.org/a_b/~u?x=1&y=50%25#p")).isEqualTo(
                "https://example.org/a_b/~u?x=1&y=50%25#p");
    }

    @Test
    void unicodeThePdflatexFontsCannotSetBecomesSafe() {
        assertThat(Latex.escape("café Zürich Straße Ørsted Łódź Dvořák")).isEqualTo("café Zürich Straße Ørsted Łódź Dvořák");
        assertThat(Latex.escape("e\u0301")).isEqualTo("é"); // decomposed input is composed first
        assertThat(Latex.escape("μCT α-Σ 5±1 °C")).isEqualTo(
                "\\ensuremath{\\mu}CT \\ensuremath{\\alpha}-\\ensuremath{\\Sigma} 5\\ensuremath{\\pm}1 \\ensuremath{{}^\\circ}C");
        assertThat(Latex.escape("ά")).isEqualTo("\\ensuremath{\\alpha}");
        assertThat(Latex.escape("胸部CT")).isEqualTo("??CT");
        assertThat(Latex.escape("a😷b")).isEqualTo("a?b"); // one character, not its two UTF-16 halves
        assertThat(Latex.escape("ąę Đ")).isEqualTo("ae D");
        assertThat(Latex.escape("zero\u200bwidth\u0007 \u2028x")).isEqualTo("zerowidth  x");
        assertThat(Latex.escape("© ™ €")).isEqualTo("(c) (TM) EUR");
        // the specials are unchanged
        assertThat(Latex.escape("\\ & % $ # _ { } ~ ^")).isEqualTo(
                "\\textbackslash{} \\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{}");
    }

    @Test
    void longWordsGetBreakOpportunitiesAndShortOnesStayWhole() {
        assertThat(Latex.breakable("COVID-CT-Dataset coronacases.org Radiopaedia.org"))
                .isEqualTo("COVID-CT-Dataset coronacases.org Radiopaedia.org");
        // breaks go after punctuation first, and only until the rest is short enough
        assertThat(Latex.breakable("https://example.org/a/b")).isEqualTo("https:\\allowbreak{}/\\allowbreak{}/example.org/a/b");
        assertThat(Latex.breakable("Figure1-COVID-chestxray-dataset")).isEqualTo("Figure1-COVID-chestxray-dataset");
        String w = "W".repeat(40);
        assertThat(Latex.breakable(w)).isEqualTo("W".repeat(16) + "\\allowbreak{}" + "W".repeat(16)
                + "\\allowbreak{}" + "W".repeat(8));
        for (Entry entry : LatexPaperTest.hostile()) {
            assertThat(Latex.breakable(entry.resource().name())).doesNotContainPattern("[A-Za-z0-9]{17}");
        }
    }
}
