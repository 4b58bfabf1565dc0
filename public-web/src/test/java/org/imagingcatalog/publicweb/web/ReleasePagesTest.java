package org.imagingcatalog.publicweb.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17, part 1: the releases page before any release was cut says so, and where releases come from. (The test
 * database of this run holds the other tests' releases, so the empty list is rendered with the page's own template.)
 */
@QuarkusTest
class ReleasePagesTest {

    @Test
    void theListWithoutReleasesSaysThatNoneWasCutYet() {
        String page = ReleasesPage.Templates.releases(new ReleasesView(List.of())).render();
        assertThat(page).contains("<p id=\"no-releases\">No release has been cut yet; curators cut them in the curation"
                + " service.</p>", "<a href=\"/releases\" aria-current=\"page\">Releases</a>")
                .doesNotContain("<ol id=\"releases\"");
    }

    @Test
    void aFieldChangeShowsItsValuesAsPeopleReadThem() {
        assertThat(ReleaseViews.shown(null)).isEqualTo("not stated");
        assertThat(ReleaseViews.shown(List.of())).isEqualTo("none");
        assertThat(ReleaseViews.shown(List.of("DICOM", "NIfTI"))).isEqualTo("DICOM, NIfTI");
        assertThat(ReleaseViews.shown(org.imagingcatalog.model.Availability.Y)).isEqualTo("Y");
        assertThat(ReleaseViews.shown(1200L)).isEqualTo("1200");
    }
}
