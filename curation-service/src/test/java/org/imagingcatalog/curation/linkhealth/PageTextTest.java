package org.imagingcatalog.curation.linkhealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The meaningful text of a landing page, and what changes its fingerprint (and what does not). */
class PageTextTest {

    private static PageText html(String body) {
        return PageText.ofHtml(body.getBytes(StandardCharsets.UTF_8), "UTF-8", "http://127.0.0.1/");
    }

    private static String page(String main, String around) {
        return "<html><head><title>COVID-19 CT</title><style>p {color: red}</style><script>var t = Date.now();</script></head>"
                + "<body><header><a href=/>Home</a> " + around + "</header><nav><ul><li>About</li></ul></nav>"
                + "<main><h1>COVID-19 CT</h1><p>" + main + "</p><ul><li>Licence: CC BY 4.0</li><li>Size: 20 GB</li></ul></main>"
                + "<footer>Served at " + around + "</footer></body></html>";
    }

    @Test
    void boilerplateScriptsAndStylesAreLeftOutAndBlocksAreLines() {
        assertThat(html(page("Version 2 of the data.", "12:00")).text())
                .isEqualTo("COVID-19 CT\nCOVID-19 CT\nVersion 2 of the data.\nLicence: CC BY 4.0\nSize: 20 GB");
    }

    @Test
    void whatChangesOnEveryLoadDoesNotChangeTheFingerprint() {
        PageText morning = html(page("Version 2. Page generated in 0.12 s at 09:14:02, 1,204 views.", "09:14"));
        PageText evening = html(page("Version 2. Page generated in 0.31 s at 18:40:55, 1,377 views.", "18:40"));
        assertThat(evening.fingerprint()).isEqualTo(morning.fingerprint());
    }

    @Test
    void aNewVersionOrLicenceChangesTheFingerprintAndTheDiffShowsTheLine() {
        PageText before = html(page("Version 2 of the data.", ""));
        PageText after = html(page("Version 3 of the data.", ""));
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        List<LineDiff.Line> diff = LineDiff.between(before.text(), after.text());
        assertThat(diff).contains(new LineDiff.Line("-", "Version 2 of the data."),
                new LineDiff.Line("+", "Version 3 of the data."));
        assertThat(diff).filteredOn(l -> l.kind().equals(" ")).extracting(LineDiff.Line::text)
                .containsExactly("COVID-19 CT", "Licence: CC BY 4.0");
    }

    @Test
    void aLineDiffLeavesOutWhatIsFarFromAChange() {
        String before = String.join("\n", "a", "b", "c", "d", "e", "f");
        String after = String.join("\n", "a", "b", "c", "d", "E", "f");
        assertThat(LineDiff.between(before, after)).containsExactly(new LineDiff.Line("…", ""),
                new LineDiff.Line(" ", "d"), new LineDiff.Line("-", "e"), new LineDiff.Line("+", "E"),
                new LineDiff.Line(" ", "f"));
    }
}
