package org.imagingcatalog.publicweb.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.publicweb.support.CsvParser;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 14, search that finds: the spellings readers type for a modality all find the same entries (folded inside
 * PostgreSQL), an entry whose only mention of X-ray is its flag is found, formats and annotations are searchable,
 * and relevance still puts the entries that name the word first.
 */
@QuarkusTest
class SearchTermsTest {

    /** A word that keeps this class's own entries apart from every other test's. */
    private static final String WORD = Entries.unique("terms");
    private static final String MR_TEXT = Entries.unique("mr-text");
    private static final String MRI_FLAG = Entries.unique("mri-flag");
    private static final String MAGNETIC = Entries.unique("magnetic");
    private static final String SONO = Entries.unique("sono");
    private static final String CONTACT_US = Entries.unique("contact-us");
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        Seed.publishOnce();
        if (published) {
            return;
        }
        published = true;
        //                                   ct xray mri us meta caseReview
        Entries.publish(entry(MR_TEXT, "Brain MR scans", "UUUUUU", "Weighted MR images of glioma patients " + WORD));
        Entries.publish(entry(MRI_FLAG, "Knee collection", "UUYUUU", "Images of knees " + WORD));
        Entries.publish(entry(MAGNETIC, "Spine archive", "UUUUUU", "Magnetic resonance imaging of the spine " + WORD));
        Entries.publish(entry(SONO, "Thyroid sonography set", "UUUUUU", "Sonography of thyroid nodules " + WORD));
        Entries.publish(entry(CONTACT_US, "Skin photographs", "NNNNUU", "Dermoscopy photographs; contact us " + WORD));
        List.of(MR_TEXT, MRI_FLAG, MAGNETIC, SONO, CONTACT_US).forEach(id -> Entries.awaitVersion(id, 1));
    }

    @Test
    void everySpellingOfXrayFindsTheSeedsXrayEntriesAndOnlyThose() {
        List<String> xray = Seed.ids(r -> r.flag(Modality.XRAY) == Availability.Y);
        assertThat(xray).hasSize(6).contains("bsti-covid-19-imaging-database");
        for (String q : List.of("xray", "XRAY", "x-ray", "X-Ray", "x ray", "\"x ray\"", "radiograph", "radiographs",
                "CXR", "x-rays")) {
            assertThat(seedMatches(q)).as("q=%s", q).containsExactlyInAnyOrderElementsOf(xray);
        }
        // a spelling keeps its place in a longer query: a phrase, a negation
        assertThat(seedMatches("\"chest xray images\"")).as("phrase").containsExactlyInAnyOrder(
                "covid-19-radiography-database", "figure1-covid-chestxray");
        assertThat(seedMatches("covid -xray")).as("negation").doesNotContainAnyElementsOf(xray)
                .contains("covid-ct", "cord-19");
    }

    @Test
    void anEntryWhoseOnlyMentionOfXrayIsItsFlagIsFound() {
        // BSTI's name, description and tags never say X-ray; its flag does (xray=Y)
        Resource bsti = Seed.RESOURCES.stream().filter(r -> r.id().equals("bsti-covid-19-imaging-database"))
                .findFirst().orElseThrow();
        assertThat((bsti.name() + bsti.description() + bsti.tags()).toLowerCase()).doesNotContain("x-ray", "xray");
        assertThat(seedMatches("xray")).contains(bsti.id());
        // the flag is a word of the entry, not a filter: an unknown X-ray flag (U) is not a match
        assertThat(seedMatches("xray")).doesNotContain("eurorad", "coronacases");
    }

    @Test
    void ctMriAndUltrasoundSpellingsFold() {
        List<String> ct = Seed.ids(r -> r.flag(Modality.CT) == Availability.Y);
        for (String q : List.of("CT", "ct", "computed tomography", "\"computed tomography\"")) {
            assertThat(seedMatches(q)).as("q=%s", q).containsExactlyInAnyOrderElementsOf(ct);
        }
        for (String q : List.of("MRI", "mri", "MR", "magnetic resonance imaging", "magnetic resonance")) {
            assertThat(ids(q + " " + WORD)).as("q=%s", q).containsExactlyInAnyOrder(MR_TEXT, MRI_FLAG, MAGNETIC);
        }
        List<String> ultrasound = Seed.ids(r -> r.flag(Modality.ULTRASOUND) == Availability.Y);
        assertThat(ultrasound).containsExactly("covid19-lung-ultrasound");
        for (String q : List.of("ultrasound", "US", "POCUS", "sonography")) {
            assertThat(seedMatches(q)).as("q=%s", q).containsExactlyInAnyOrderElementsOf(ultrasound);
            assertThat(ids(q + " " + WORD)).as("q=%s", q).containsExactly(SONO);
        }
        // "us" stands for ultrasound when a reader types it, but "contact us" in a text is not ultrasound
        assertThat(ids("ultrasound " + WORD)).doesNotContain(CONTACT_US);
    }

    @Test
    void formatsAndAnnotationsAreSearchable() {
        assertThat(seedMatches("DICOM")).containsExactlyInAnyOrder("coronacases", "bsti-covid-19-imaging-database");
        assertThat(seedMatches("dicom")).containsExactlyInAnyOrder("coronacases", "bsti-covid-19-imaging-database");
        assertThat(seedMatches("segmentation")).containsExactlyInAnyOrderElementsOf(
                Seed.ids(r -> r.annotations().contains("segmentation")));
        // the radiography database names its lung masks "masks": only its annotation says segmentation
        assertThat(seedMatches("segmentation")).contains("covid-19-radiography-database");
        assertThat(seedMatches("nifti")).containsExactlyInAnyOrder("medseg-covid-19",
                "covid-19-ct-lung-infection-segmentation");
    }

    @Test
    void rankingStillPutsTheEntriesThatNameTheWordFirst() {
        List<String> ranked = seedMatches("xray");
        // "Chest X-ray" in the name (weight A) before a flag alone (the lowest weight)
        assertThat(ranked.indexOf("figure1-covid-chestxray")).isLessThan(ranked.indexOf("bsti-covid-19-imaging-database"));
        assertThat(ranked.get(ranked.size() - 1)).isEqualTo("bsti-covid-19-imaging-database");
        // the API ranks alike
        List<String> api = given().get("/api/v1/resources?q=xray covid&size=100").then().statusCode(200).extract()
                .jsonPath().<String> getList("items.id").stream().filter(Seed::isSeed).toList();
        assertThat(api.indexOf("figure1-covid-chestxray")).isNotNegative()
                .isLessThan(api.indexOf("bsti-covid-19-imaging-database"));
    }

    @Test
    void thePageFindsThemToo() {
        String html = given().get("/?q=x-ray covid&size=100").then().statusCode(200).extract().asString();
        assertThat(html).contains("/resources/bsti-covid-19-imaging-database", "/resources/figure1-covid-chestxray")
                .doesNotContain("/resources/covid-ct\"");
    }

    /** The seed entries an export of this query holds, in its (relevance) order. */
    private static List<String> seedMatches(String q) {
        return ids(q).stream().filter(Seed::isSeed).toList();
    }

    /** Every entry matching q, ranked: the CSV export ranks every match, not only the first ones. */
    private static List<String> ids(String q) {
        String csv = given().queryParam("q", q).get("/export/catalog.csv").then().statusCode(200).extract().asString();
        List<List<String>> rows = CsvParser.parse(csv);
        return rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList();
    }

    private static Resource entry(String id, String name, String flags, String description) {
        Availability[] f = new Availability[6];
        for (int i = 0; i < 6; i++) {
            f[i] = Availability.parse(String.valueOf(flags.charAt(i)));
        }
        return new Resource(id, name, "https://example.org/" + id, description, "Terms Institute",
                new Modalities(f[0], f[1], f[2], f[3]), f[4], f[5], "CC-BY-4.0", Access.OPEN, List.of("PNG"),
                Counts.none(), List.of(), List.of("terms"), null, null);
    }
}
