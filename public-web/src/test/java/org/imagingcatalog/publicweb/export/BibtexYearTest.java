package org.imagingcatalog.publicweb.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.publicweb.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14: a BibTeX year must be the dataset's, never the year the entry was listed. The model knows no dataset
 * year, so the seed's BibTeX, in the export and on each entry's page, has no year and never the listing year.
 */
@QuarkusTest
class BibtexYearTest {

    @BeforeEach
    void seed() {
        Seed.publishOnce();
    }

    @Test
    void theSeedsBibtexNeverCarriesTheYearItWasListed() {
        String bib = given().get("/export/catalog.bib").then().statusCode(200).extract().asString();
        for (Resource r : Seed.RESOURCES) {
            String listingYear = listingYear(r.id());
            String entry = entry(bib, r.id());
            assertThat(entry).as(r.id()).doesNotContainPattern("(?i)\\byear\\s*=").doesNotContain(listingYear);
            String page = given().get("/resources/" + r.id()).then().statusCode(200).extract().asString();
            String pageBib = page.substring(page.indexOf("@misc{"), page.indexOf("</pre>", page.indexOf("@misc{")));
            assertThat(pageBib).as(r.id() + " page").doesNotContainPattern("(?i)\\byear\\s*=")
                    .doesNotContain(listingYear);
        }
    }

    /** The year of the entry's first published version, as its public change log says. */
    private static String listingYear(String id) {
        List<String> published = given().get("/api/v1/resources/" + id + "/history").then().statusCode(200).extract()
                .jsonPath().getList("versions.publishedAt");
        String first = published.get(published.size() - 1);
        assertThat(first).as("the seed is listed in a year other than today's, so the test can tell them apart")
                .doesNotStartWith(String.valueOf(java.time.Year.now(java.time.ZoneOffset.UTC).getValue()));
        return first.substring(0, 4);
    }

    /** One @misc of the export, from its key to the next entry. */
    private static String entry(String bib, String id) {
        Matcher m = Pattern.compile("@misc\\{" + Pattern.quote(id) + ",\\n(.*?)\\n}\\n", Pattern.DOTALL).matcher(bib);
        assertThat(m.find()).as("@misc of " + id).isTrue();
        return m.group(1);
    }
}
