package org.imagingcatalog.publicweb.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.publicweb.support.CsvParser;
import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14, facet counts and the format and annotation filters: for the current query, how many matches have each
 * value of each flag, access and licence, in the API ({@code facets}) and on the page; {@code format=} and
 * {@code annotation=} filter case-insensitively, comma-separated or repeated (any of the values).
 */
@QuarkusTest
class FacetsTest {

    private static final String WORD = Entries.unique("facet");
    private static final String FORMAT = Entries.unique("fmt").toUpperCase();
    private static final String A = Entries.unique("facet-a");
    private static final String B = Entries.unique("facet-b");
    private static final String C = Entries.unique("facet-c");
    private static final String D = Entries.unique("facet-d");
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        //                 ct xray mri us meta caseReview
        Entries.publish(entry(A, "YYNNYN", "CC-BY-4.0", Access.OPEN, List.of("DICOM", "PNG", FORMAT),
                List.of("segmentation")));
        Entries.publish(entry(B, "YNUUYU", "cc-by-4.0", Access.REGISTRATION, List.of("NIfTI"),
                List.of("classification", "Segmentation")));
        Entries.publish(entry(C, "UNNNNN", null, Access.OPEN, List.of("dicom"), List.of()));
        Entries.publish(entry(D, "NYUYUY", "ODbL-1.0", Access.APPLICATION, List.of("JPEG"), List.of("report")));
        List.of(A, B, C, D).forEach(id -> Entries.awaitVersion(id, 1));
    }

    @Test
    void theApiCountsEachValueOfEachFlagAccessAndLicenceForTheQuery() {
        JsonPath page = api("q=" + WORD);
        assertThat(page.getInt("total")).isEqualTo(4);
        assertThat(page.getBoolean("facetsExact")).isTrue();
        assertThat(page.<String, Integer> getMap("facets.ct")).isEqualTo(Map.of("Y", 2, "N", 1, "U", 1));
        assertThat(page.<String, Integer> getMap("facets.xray")).isEqualTo(Map.of("Y", 2, "N", 2, "U", 0));
        assertThat(page.<String, Integer> getMap("facets.mri")).isEqualTo(Map.of("Y", 0, "N", 2, "U", 2));
        assertThat(page.<String, Integer> getMap("facets.ultrasound")).isEqualTo(Map.of("Y", 1, "N", 2, "U", 1));
        assertThat(page.<String, Integer> getMap("facets.metadata")).isEqualTo(Map.of("Y", 2, "N", 1, "U", 1));
        assertThat(page.<String, Integer> getMap("facets.caseReview")).isEqualTo(Map.of("Y", 1, "N", 2, "U", 1));
        assertThat(page.<String, Integer> getMap("facets.access"))
                .isEqualTo(Map.of("OPEN", 2, "REGISTRATION", 1, "APPLICATION", 1, "UNKNOWN", 0));
        // licences count case-insensitively, as the licence filter matches; an entry without one is "null"
        assertThat(page.getList("facets.license.count")).containsExactly(2, 1, 1);
        assertThat(page.getString("facets.license[0].value")).isEqualToIgnoringCase("CC-BY-4.0");
        assertThat(page.getString("facets.license[1].value")).isEqualTo("ODbL-1.0");
        assertThat(page.getString("facets.license[2].value")).isNull();

        // the counts follow the filters
        JsonPath filtered = api("q=" + WORD + "&ct=Y");
        assertThat(filtered.<String, Integer> getMap("facets.ct")).isEqualTo(Map.of("Y", 2, "N", 0, "U", 0));
        assertThat(filtered.<String, Integer> getMap("facets.access"))
                .isEqualTo(Map.of("OPEN", 1, "REGISTRATION", 1, "APPLICATION", 0, "UNKNOWN", 0));
        assertThat(filtered.getList("facets.license.count")).containsExactly(2);
        // without a text query too, and the counts add up to the total
        JsonPath byFormat = api("format=" + FORMAT.toLowerCase());
        assertThat(byFormat.getList("items.id")).containsExactly(A);
        assertThat(byFormat.getInt("total")).isEqualTo(1);
        assertThat(byFormat.<String, Integer> getMap("facets.ct")).isEqualTo(Map.of("Y", 1, "N", 0, "U", 0));
        JsonPath everything = api("size=1");
        int total = everything.getInt("total");
        for (String facet : List.of("ct", "xray", "mri", "ultrasound", "metadata", "caseReview", "access")) {
            assertThat(everything.<String, Integer> getMap("facets." + facet).values().stream()
                    .mapToInt(Integer::intValue).sum()).as(facet).isEqualTo(total);
        }
        // a page past the end still counts the query
        assertThat(api("q=" + WORD + "&page=9").<String, Integer> getMap("facets.ct"))
                .isEqualTo(Map.of("Y", 2, "N", 1, "U", 1));
    }

    @Test
    void thePageSaysTheCountsAndLinksEachValue() {
        String html = given().get("/?q=" + WORD).then().statusCode(200).extract().asString();
        String text = html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(text).contains("CT: Y 2, N 1, U 1", "X-ray: Y 2, N 2, U 0", "MRI: Y 0, N 2, U 2",
                "Ultrasound: Y 1, N 2, U 1", "Metadata: Y 2, N 1, U 1", "Case review: Y 1, N 2, U 1",
                "Access: Open download 2, Free after registration 1, On application or agreement 1, Unknown 0",
                "Licence: CC-BY-4.0 2, ODbL-1.0 1, not stated 1");
        // each value with matches narrows the query in one click; a value without matches is no link
        assertThat(html).contains("<a href=\"/?q=" + WORD + "&amp;ct=Y\">Y 2</a>",
                "<a href=\"/?q=" + WORD + "&amp;access=REGISTRATION\">Free after registration 1</a>",
                "<a href=\"/?q=" + WORD + "&amp;license=ODbL-1.0\">ODbL-1.0 1</a>")
                .doesNotContain(">U 0</a>");
    }

    @Test
    void formatAndAnnotationFilterCaseInsensitivelyAnyOfTheirValues() {
        assertThat(ids("format=DICOM")).containsExactlyInAnyOrder(A, C);
        assertThat(ids("format=dicom")).containsExactlyInAnyOrder(A, C);
        assertThat(ids("format=DICOM,NIfTI")).containsExactlyInAnyOrder(A, B, C);
        assertThat(ids("format=DICOM&format=jpeg")).containsExactlyInAnyOrder(A, C, D);
        assertThat(ids("format= nifti , ")).containsExactly(B);
        assertThat(ids("annotation=segmentation")).containsExactlyInAnyOrder(A, B);
        assertThat(ids("annotation=SEGMENTATION&format=dicom")).containsExactly(A);
        assertThat(ids("annotation=report,classification")).containsExactlyInAnyOrder(B, D);
        assertThat(ids("format=TIFF")).isEmpty();
        // the exports and the page take the same filters, and the page keeps them in its links and form
        String csv = given().get("/export/catalog.csv?q=" + WORD + "&format=dicom").then().statusCode(200).extract().asString();
        List<List<String>> rows = CsvParser.parse(csv);
        assertThat(rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList())
                .containsExactlyInAnyOrder(A, C);
        String html = given().get("/?q=" + WORD + "&format=dicom&format=NIfTI&annotation=segmentation").then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("/resources/" + A, "/resources/" + B).doesNotContain("/resources/" + C)
                .contains("id=\"format\" name=\"format\" value=\"dicom,NIfTI\"",
                        "id=\"annotation\" name=\"annotation\" value=\"segmentation\"",
                        "href=\"/export/catalog.csv?q=" + WORD + "&amp;format=dicom%2CNIfTI&amp;annotation=segmentation\"");
    }

    @Test
    void badFormatOrAnnotationValuesAreRefusedNamingTheParameter() {
        given().urlEncodingEnabled(false).get("/api/v1/resources?format=DI%00COM").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("format"));
        given().urlEncodingEnabled(false).get("/api/v1/resources?format=DICOM%0A").then().statusCode(400)
                .body("errors[0].field", is("format"));
        given().get("/api/v1/resources?annotation=" + "x".repeat(61)).then().statusCode(400)
                .body("errors[0].field", is("annotation")).body("detail", containsString("60"));
        given().get("/api/v1/resources?format=" + String.join(",",
                java.util.stream.IntStream.range(0, 31).mapToObj(i -> "f" + i).toList())).then()
                .statusCode(400).body("errors[0].field", is("format"));
        given().urlEncodingEnabled(false).get("/?annotation=a%01b").then().statusCode(400).body(containsString("error-summary"))
                .body(containsString("annotation"));
    }

    @Test
    void aTextSearchPastTheLimitCountsItsFacetsAsLowerBounds() {
        // %test.catalog.search.text-matches-max=40
        String many = Entries.unique("facetmany");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String id = Entries.unique("zz-facetmany");
            ids.add(id);
            Entries.publish(entry(id, i % 3 == 0 ? "YNNNYN" : "NNNNYN", "CC0-1.0", Access.OPEN, List.of("PNG"),
                    List.of(), many));
        }
        ids.forEach(id -> Entries.awaitVersion(id, 1));
        JsonPath page = api("q=" + many);
        assertThat(page.getBoolean("totalExact")).isFalse();
        assertThat(page.getBoolean("facetsExact")).isFalse();
        Map<String, Integer> ct = page.getMap("facets.ct");
        assertThat(ct.get("Y") + ct.get("N") + ct.get("U")).isEqualTo(40);
        assertThat(ct.get("Y")).isLessThanOrEqualTo(15);
        String text = given().get("/?q=" + many).then().statusCode(200).extract().asString()
                .replaceAll("<[^>]+>", "").replaceAll("\\s+", " ");
        assertThat(text).contains("Counted among the first 40 matches");
        // narrowed below the limit, the counts are exact again
        JsonPath narrowed = api("q=" + many + "&ct=Y");
        assertThat(narrowed.getBoolean("facetsExact")).isTrue();
        assertThat(narrowed.<String, Integer> getMap("facets.ct")).isEqualTo(Map.of("Y", 15, "N", 0, "U", 0));
    }

    private static JsonPath api(String query) {
        return given().get("/api/v1/resources?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(String filters) {
        return api("q=" + WORD + "&" + filters).getList("items.id");
    }

    private static Resource entry(String id, String flags, String license, Access access, List<String> formats,
            List<String> annotations) {
        return entry(id, flags, license, access, formats, annotations, WORD);
    }

    private static Resource entry(String id, String flags, String license, Access access, List<String> formats,
            List<String> annotations, String word) {
        Availability[] f = new Availability[6];
        for (int i = 0; i < 6; i++) {
            f[i] = Availability.parse(String.valueOf(flags.charAt(i)));
        }
        return new Resource(id, "Facet " + id, "https://example.org/" + id, "Described with " + word, "Facet Institute",
                new Modalities(f[0], f[1], f[2], f[3]), f[4], f[5], license, access, formats, Counts.none(),
                annotations, List.of("facets"), null, null);
    }
}
