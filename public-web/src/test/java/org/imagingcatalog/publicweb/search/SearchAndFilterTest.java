package org.imagingcatalog.publicweb.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Acceptance 5: filters, search and paging give the right rows, in the page and in the API. */
@QuarkusTest
class SearchAndFilterTest {

    private static final String WORD = Entries.unique("zebra");
    private static final String RARE = Entries.unique("okapi");
    private static final String ALPHA = Entries.unique("alpha");
    private static final String BRAVO = Entries.unique("bravo");
    private static final String CHARLIE = Entries.unique("charlie");
    private static final String DELTA = Entries.unique("delta");
    private static final String ECHO = Entries.unique("echo");
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        //                                                  ct xray mri us meta caseReview
        Entries.publish(Entries.resource(ALPHA, "Alpha " + WORD, "YYNNYN", "lungs", List.of(WORD)));
        Entries.publish(Entries.resource(BRAVO, "Bravo " + WORD, "YNUUYU", "brain " + RARE, List.of(WORD)));
        Entries.publish(Entries.resource(CHARLIE, "Charlie " + WORD, "UNNNNN", "heart", List.of(WORD)));
        Entries.publish(Entries.resource(DELTA, "Delta " + WORD, "NYUYUY", "liver", List.of(WORD)));
        Entries.publish(Entries.resource(ECHO, "Echo", "UUUUUU", "kidney " + WORD, List.of("other")));
        List.of(ALPHA, BRAVO, CHARLIE, DELTA, ECHO).forEach(id -> Entries.awaitVersion(id, 1));
    }

    @Test
    void searchFindsWordsInNameTagsAndDescription() {
        assertThat(apiIds("q=" + WORD + "&sort=name")).containsExactly(ALPHA, BRAVO, CHARLIE, DELTA, ECHO);
        assertThat(apiIds("q=" + RARE)).containsExactly(BRAVO);
        // relevance: the name (weight A) counts more than the description
        assertThat(apiIds("q=" + WORD).get(4)).isEqualTo(ECHO);
        assertThat(apiIds("q=" + WORD + " -" + RARE + "&sort=name")).containsExactly(ALPHA, CHARLIE, DELTA, ECHO);
    }

    @Test
    void flagFiltersIncludingUnknown() {
        assertThat(apiIds("q=" + WORD + "&ct=Y&sort=name")).containsExactly(ALPHA, BRAVO);
        assertThat(apiIds("q=" + WORD + "&ct=U&sort=name")).containsExactly(CHARLIE, ECHO);
        assertThat(apiIds("q=" + WORD + "&ct=n")).containsExactly(DELTA);
        assertThat(apiIds("q=" + WORD + "&mri=U&sort=name")).containsExactly(BRAVO, DELTA, ECHO);
        assertThat(apiIds("q=" + WORD + "&caseReview=U&metadata=U&sort=name")).containsExactly(ECHO);
        assertThat(apiIds("q=" + WORD + "&xray=Y&ultrasound=Y")).containsExactly(DELTA);
        assertThat(apiIds("q=" + WORD + "&access=OPEN&license=cc-by-4.0")).hasSize(5);
        assertThat(apiIds("q=" + WORD + "&access=APPLICATION")).isEmpty();
    }

    @Test
    void pagingWalksTheWholeResult() {
        given().get("/api/v1/resources?q=" + WORD + "&sort=name&size=2&page=2").then().statusCode(200)
                .body("page", is(2)).body("size", is(2)).body("total", is(5));
        List<String> walked = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            walked.addAll(apiIds("q=" + WORD + "&sort=name&size=2&page=" + page));
        }
        assertThat(walked).containsExactly(ALPHA, BRAVO, CHARLIE, DELTA, ECHO);
        assertThat(apiIds("q=" + WORD + "&sort=name&size=2&page=4")).isEmpty();
    }

    @Test
    void thePageShowsTheSameRowsAndKeepsTheQueryInItsLinks() {
        String html = given().get("/?q=" + WORD + "&ct=U&sort=name").then().statusCode(200).extract().asString();
        assertThat(html).contains("/resources/" + CHARLIE, "/resources/" + ECHO)
                .doesNotContain("/resources/" + ALPHA, "/resources/" + BRAVO, "/resources/" + DELTA)
                .contains("<option value=\"U\" selected>", "value=\"" + WORD + "\"")
                .contains("href=\"/export/catalog.csv?q=" + WORD + "&amp;ct=U&amp;sort=name\"");
        String paged = given().get("/?q=" + WORD + "&sort=name&size=2").then().statusCode(200).extract().asString();
        assertThat(paged).contains("/resources/" + ALPHA, "/resources/" + BRAVO).doesNotContain("/resources/" + CHARLIE)
                .contains("Page 1 of 3", "href=\"/?q=" + WORD + "&amp;sort=name&amp;page=2&amp;size=2\"");
        String csv = given().get("/export/catalog.csv?q=" + WORD + "&ct=U&sort=name").asString();
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[0]).toList()).containsExactly(CHARLIE, ECHO);
    }

    @Test
    void aTextSearchCountsUpToTheLimitThenSaysMoreThan() {
        // %test.catalog.search.text-matches-max=40: one more match than the limit
        String many = Entries.unique("many");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            String id = Entries.unique("zz-many");
            ids.add(id);
            Entries.publish(Entries.resource(id, "Zz many " + i, "YNNNYN", "lungs " + many, List.of("t")));
        }
        ids.forEach(id -> Entries.awaitVersion(id, 1));

        given().get("/api/v1/resources?q=" + many + "&sort=name").then().statusCode(200)
                .body("total", is(40)).body("totalExact", is(false)).body("items.size()", is(25));
        assertThat(apiIds("q=" + many + "&sort=name&page=2")).hasSize(16);
        String html = given().get("/?q=" + many + "&sort=name").then().statusCode(200).extract().asString();
        assertThat(html).contains("More than <strong>40</strong> resources match", "Page 1<", "rel=\"next\"")
                .doesNotContain("Page 1 of");
        // an export holds every match, ranked, not only the first ones
        String csv = given().get("/export/catalog.csv?q=" + many).then().statusCode(200).extract().asString();
        assertThat(csv.lines().skip(1).map(l -> l.split(",")[0]).toList()).containsExactlyInAnyOrderElementsOf(ids);
        // without a text query the count is exact, whatever its size
        given().get("/api/v1/resources?ct=Y&xray=N&mri=N&ultrasound=N&metadata=Y&caseReview=N").then().statusCode(200)
                .body("totalExact", is(true));
        given().get("/api/v1/resources?q=" + WORD).then().body("total", is(5)).body("totalExact", is(true));
    }

    @Test
    void badFilterValuesAreRefusedNamingTheParameter() {
        given().get("/api/v1/resources?ct=maybe").then().statusCode(400).contentType("application/problem+json")
                .body("type", is("urn:imaging-catalog:problem:invalid-query")).body("status", is(400))
                .body("errors[0].field", is("ct")).body("detail", containsString("ct"));
        given().get("/api/v1/resources?size=1000").then().statusCode(400).body("errors[0].field", is("size"));
        given().get("/api/v1/resources?sort=random").then().statusCode(400).body("errors[0].field", is("sort"));
        given().get("/export/catalog.csv?access=FREE").then().statusCode(400).body("errors[0].field", is("access"));
        given().get("/?caseReview=perhaps").then().statusCode(400).body(containsString("error-summary"))
                .body(containsString("caseReview"));
    }

    private static List<String> apiIds(String query) {
        return given().get("/api/v1/resources?" + query).then().statusCode(200).extract().jsonPath().getList("items.id");
    }
}
