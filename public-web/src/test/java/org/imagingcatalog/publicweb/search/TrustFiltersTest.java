package org.imagingcatalog.publicweb.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.publicweb.support.CsvParser;
import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15: the catalog page, the API, the exports and the feed filter by the trust fields (label source,
 * population, image source) and by the readers' own phrasings: "exclude datasets with paediatric controls"
 * (population PAEDIATRIC or MIXED, or the participants' risk of bias HIGH), "only RT-PCR-confirmed labels",
 * "original hospital images only".
 */
@QuarkusTest
class TrustFiltersTest {

    private static final String WORD = Entries.unique("trustword");
    private static final String ADULT = Entries.unique("adult");
    private static final String CHILDREN = Entries.unique("children");
    private static final String MIXED = Entries.unique("mixed");
    private static final String CONTROLS = Entries.unique("controls");
    private static final String SILENT = Entries.unique("silent");
    private static boolean published;

    @BeforeEach
    void publishOnce() {
        if (published) {
            return;
        }
        published = true;
        publish(ADULT, "YNNNYN", ReferenceStandard.RT_PCR, Population.ADULT, ImageSource.HOSPITAL_DICOM,
                new RiskOfBias(new RiskJudgement(Risk.LOW, "consecutive adult admissions"), null, null, null));
        publish(CHILDREN, "NYNNNN", ReferenceStandard.CLINICAL, Population.PAEDIATRIC, ImageSource.FROM_PUBLICATIONS, null);
        publish(MIXED, "NYNNNN", ReferenceStandard.MIXED, Population.MIXED, ImageSource.MIXED, null);
        publish(CONTROLS, "NYNNNN", ReferenceStandard.RADIOLOGIST, null, ImageSource.CONVERTED_FROM_DICOM,
                new RiskOfBias(new RiskJudgement(Risk.HIGH, "children's images as controls"), null, null, null));
        publish(SILENT, "YYNNNN", null, null, null, null);
        List.of(ADULT, CHILDREN, MIXED, CONTROLS, SILENT).forEach(id -> Entries.awaitVersion(id, 1));
    }

    private static void publish(String id, String flags, ReferenceStandard standard, Population population,
            ImageSource source, RiskOfBias rob) {
        Resource resource = Entries.resource(id, "Trust " + id, flags, "chest images " + WORD, List.of(WORD))
                .withTrust(new TrustFields(null, null, standard, population, source, rob, null));
        Entries.publish(resource);
    }

    @Test
    void eachTrustFieldFiltersByItsValueInAnyCase() {
        assertThat(ids("population=ADULT")).containsExactly(ADULT);
        assertThat(ids("population=paediatric")).containsExactly(CHILDREN);
        // UNKNOWN asks for the entries that do not state it
        assertThat(ids("population=UNKNOWN")).containsExactlyInAnyOrder(CONTROLS, SILENT);
        assertThat(ids("referenceStandard=rt-pcr")).containsExactly(ADULT);
        assertThat(ids("referenceStandard=RADIOLOGIST")).containsExactly(CONTROLS);
        assertThat(ids("imageSource=HOSPITAL_DICOM")).containsExactly(ADULT);
        assertThat(ids("imageSource=from publications")).containsExactly(CHILDREN);
        // they narrow each other and the other filters
        assertThat(ids("population=UNKNOWN&ct=Y")).containsExactly(SILENT);
        assertThat(ids("population=ADULT&imageSource=MIXED")).isEmpty();
    }

    @Test
    void theReadersPhrasingsAsCheckboxes() {
        // paediatric or mixed populations, and participants at high risk of bias, are left out; not-stated stays
        assertThat(ids("excludePaediatric=true")).containsExactlyInAnyOrder(ADULT, SILENT);
        assertThat(ids("rtPcrOnly=true")).containsExactly(ADULT);
        assertThat(ids("hospitalImagesOnly=true")).containsExactly(ADULT);
        assertThat(ids("excludePaediatric=on&hospitalImagesOnly=1&rtPcrOnly=yes")).containsExactly(ADULT);
        assertThat(ids("excludePaediatric=false&rtPcrOnly=")).hasSize(5);
    }

    @Test
    void thePageOffersThemAsSelectsAndCheckboxesAndKeepsThemInItsLinks() {
        String html = given().get("/?q=" + WORD + "&excludePaediatric=true&population=ADULT").then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("/resources/" + ADULT).doesNotContain("/resources/" + SILENT, "/resources/" + CHILDREN)
                .contains("<legend>Can I trust it?</legend>", "<label for=\"population\">Population</label>",
                        "<option value=\"ADULT\" selected>Adults</option>",
                        "<input type=\"checkbox\" id=\"excludePaediatric\" name=\"excludePaediatric\" value=\"true\" checked"
                                + " aria-describedby=\"excludePaediatric-help\">",
                        "<label for=\"excludePaediatric\">Exclude datasets with paediatric controls</label>",
                        "id=\"excludePaediatric-help\"",
                        "<label for=\"rtPcrOnly\">Only RT-PCR-confirmed labels</label>",
                        "<label for=\"hospitalImagesOnly\">Original hospital images only</label>",
                        "href=\"/export/catalog.csv?q=" + WORD + "&amp;population=ADULT&amp;excludePaediatric=true\"",
                        "href=\"/feed.atom?q=" + WORD + "&amp;population=ADULT&amp;excludePaediatric=true\"");
        assertThat(html).doesNotContain("id=\"rtPcrOnly\" name=\"rtPcrOnly\" value=\"true\" checked");
    }

    @Test
    void theExportsAndTheFeedTakeThemToo() {
        List<List<String>> rows = CsvParser.parse(given().get("/export/catalog.csv?q=" + WORD + "&excludePaediatric=true")
                .then().statusCode(200).extract().asString());
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList())
                .containsExactlyInAnyOrder(ADULT, SILENT);
        given().get("/feed.atom?q=" + WORD + "&rtPcrOnly=true").then().statusCode(200)
                .body(containsString("/resources/" + ADULT)).body(org.hamcrest.Matchers.not(containsString(SILENT)));
        given().get("/export/catalog.json?q=" + WORD + "&imageSource=CONVERTED_FROM_DICOM").then().statusCode(200)
                .body("id", is(List.of(CONTROLS)));
    }

    @Test
    void withoutATextQueryTheCountIsExact() {
        given().get("/api/v1/resources?population=PAEDIATRIC&imageSource=FROM_PUBLICATIONS&size=100").then()
                .statusCode(200).body("totalExact", is(true))
                .body("items.id", org.hamcrest.Matchers.hasItem(CHILDREN))
                .body("items.population", org.hamcrest.Matchers.everyItem(is("PAEDIATRIC")));
    }

    @Test
    void badValuesAreRefusedNamingTheParameterAndItsChoices() {
        given().get("/api/v1/resources?population=teenagers").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("population"))
                .body("errors[0].message", containsString("ADULT, PAEDIATRIC, MIXED or UNKNOWN"));
        given().get("/api/v1/resources?referenceStandard=PCR").then().statusCode(400)
                .body("errors[0].field", is("referenceStandard")).body("errors[0].message", containsString("RT_PCR"));
        given().get("/export/catalog.csv?imageSource=scanner").then().statusCode(400)
                .body("errors[0].field", is("imageSource"));
        given().get("/api/v1/resources?excludePaediatric=maybe").then().statusCode(400)
                .body("errors[0].field", is("excludePaediatric")).body("errors[0].message", containsString("true or false"));
        given().urlEncodingEnabled(false).get("/api/v1/resources?population=ADULT%00").then().statusCode(400)
                .body("errors[0].field", is("population"));
        given().get("/api/v1/resources?excludePediatric=true").then().statusCode(400)
                .body("errors[0].field", is("excludePediatric"))
                .body("errors[0].message", containsString("did you mean \"excludePaediatric\""));
        given().get("/?rtPcrOnly=sometimes").then().statusCode(400).body(containsString("error-summary"))
                .body(containsString("href=\"#rtPcrOnly\""));
    }

    private static List<String> ids(String query) {
        return given().get("/api/v1/resources?q=" + WORD + "&size=100&" + query).then().statusCode(200).extract()
                .jsonPath().getList("items.id");
    }
}
