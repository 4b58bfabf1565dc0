package org.imagingcatalog.publicweb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.lineage.OverlapPair;
import org.imagingcatalog.model.lineage.OverlapReport;
import org.imagingcatalog.publicweb.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15: the overlap check on the seed, for programs ({@code GET /api/v1/overlap}, the contract's JSON) and for
 * people ({@code /overlap}, a form whose answer is a link and says it in sentences), and its refusals.
 */
@QuarkusTest
class OverlapTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void seed() {
        Seed.publishOnce();
    }

    @Test
    void theRadiographyDatabaseOverlapsTheImageDataCollectionItIsBuiltFrom() throws Exception {
        OverlapReport report = report("covid-19-radiography-database,covid-chestxray-dataset");
        assertThat(report).isEqualTo(new OverlapReport(false, List.of(new OverlapPair("covid-19-radiography-database",
                "covid-chestxray-dataset", List.of("covid-chestxray-dataset"),
                List.of("covid-19-radiography-database", "IsDerivedFrom", "covid-chestxray-dataset")))));
        // the contract's field names, exactly
        given().get("/api/v1/overlap?ids=covid-19-radiography-database,covid-chestxray-dataset").then().statusCode(200)
                .contentType("application/json").body("independent", is(false))
                .body("pairs[0].a", is("covid-19-radiography-database")).body("pairs[0].b", is("covid-chestxray-dataset"))
                .body("pairs[0].shared", is(List.of("covid-chestxray-dataset")))
                .body("pairs[0].path", is(List.of("covid-19-radiography-database", "IsDerivedFrom", "covid-chestxray-dataset")));
    }

    @Test
    void cord19AndCovidCtAreIndependent() throws Exception {
        assertThat(report("cord-19,covid-ct")).isEqualTo(new OverlapReport(true, List.of()));
        // repeated parameters, as a form's checkboxes send them, mean the same
        given().get("/api/v1/overlap?ids=cord-19&ids=covid-ct").then().statusCode(200).body("independent", is(true))
                .body("pairs", is(List.of()));
    }

    @Test
    void entriesBuiltFromACommonSourceOverlapThroughIt() throws Exception {
        OverlapReport report = report("medseg-covid-19,covid-19-ct-lung-infection-segmentation,cord-19");
        assertThat(report.independent()).isFalse();
        assertThat(report.pairs()).containsExactly(new OverlapPair("medseg-covid-19",
                "covid-19-ct-lung-infection-segmentation", List.of("radiopaedia-covid-19"), List.of("medseg-covid-19",
                        "IsDerivedFrom", "radiopaedia-covid-19", "IsSourceOf", "covid-19-ct-lung-infection-segmentation")));
    }

    @Test
    void tooFewTooManyUnknownAndBadIdsAreRefusedNamingThem() {
        given().get("/api/v1/overlap?ids=covid-ct").then().statusCode(400).contentType(PROBLEM)
                .body("type", is("urn:imaging-catalog:problem:invalid-query")).body("errors[0].field", is("ids"))
                .body("errors[0].message", containsString("at least 2"));
        given().get("/api/v1/overlap").then().statusCode(400).body("errors[0].field", is("ids"));
        given().get("/api/v1/overlap?ids=covid-ct,covid-ct").then().statusCode(400).body("errors[0].field", is("ids"));
        String many = IntStream.rangeClosed(1, 21).mapToObj(i -> "entry-" + i).collect(Collectors.joining(","));
        given().get("/api/v1/overlap?ids=" + many).then().statusCode(400).body("errors[0].field", is("ids"))
                .body("errors[0].message", containsString("at most 20"));
        given().get("/api/v1/overlap?ids=covid-ct,no-such-entry,cord-19,Not an id").then().statusCode(404)
                .contentType(PROBLEM).body("type", is("urn:imaging-catalog:problem:not-found"))
                .body("unknownIds", is(List.of("no-such-entry", "Not an id")))
                .body("errors.field", is(List.of("ids", "ids")))
                .body("detail", containsString("\"no-such-entry\" and \"Not an id\""));
        given().urlEncodingEnabled(false).get("/api/v1/overlap?ids=covid-ct,cord%0019").then().statusCode(400).body("errors[0].field", is("ids"));
        given().get("/api/v1/overlap?ids=covid-ct,cord-19&id=x").then().statusCode(400)
                .body("errors[0].field", is("id")).body("errors[0].message", containsString("did you mean \"ids\""));
    }

    @Test
    void thePageSaysInSentencesWhetherThePickedDatasetsShareImages() {
        String html = given().get("/overlap?ids=covid-19-radiography-database&ids=covid-chestxray-dataset").then()
                .statusCode(200).contentType(startsWith("text/html")).extract().asString();
        String text = text(html);
        assertThat(text).contains("They may share images: 1 pair overlaps. Do not train a model on one of a pair and"
                + " test it on the other.",
                "COVID-19 Radiography Database is built from COVID-19 Image Data Collection.",
                "How: COVID-19 Radiography Database is built from COVID-19 Image Data Collection.");
        assertThat(html).contains("<a href=\"/resources/covid-chestxray-dataset\">COVID-19 Image Data Collection</a>",
                "href=\"/api/v1/overlap?ids=covid-19-radiography-database%2Ccovid-chestxray-dataset\"",
                "value=\"covid-19-radiography-database\" checked", "value=\"covid-chestxray-dataset\" checked",
                "<legend>Datasets to compare</legend>", "aria-describedby=\"ids-help\"",
                "<a href=\"/overlap\" aria-current=\"page\">Overlap check</a>");

        String three = text(given().get("/overlap?ids=covid-19-radiography-database,covid-chestxray-dataset,cord-19")
                .then().statusCode(200).extract().asString());
        assertThat(three).contains("1 pair overlaps", "COVID-19 Open Research Dataset (CORD-19) shares no images with"
                + " the others, as far as the catalog's lineage goes.");

        String common = text(given().get("/overlap?ids=medseg-covid-19,covid-19-ct-lung-infection-segmentation")
                .then().statusCode(200).extract().asString());
        assertThat(common).contains("MedSeg COVID-19 CT Segmentation Dataset and COVID-19 CT Lung and Infection"
                + " Segmentation Dataset are both built from Radiopaedia COVID-19 cases.",
                "How: MedSeg COVID-19 CT Segmentation Dataset is built from Radiopaedia COVID-19 cases; Radiopaedia"
                        + " COVID-19 cases is a source of COVID-19 CT Lung and Infection Segmentation Dataset.");

        String independent = text(given().get("/overlap?ids=cord-19&ids=covid-ct").then().statusCode(200).extract()
                .asString());
        assertThat(independent).contains("Independent: as far as the catalog's lineage goes, COVID-19 Open Research"
                + " Dataset (CORD-19) and COVID-CT-Dataset share no images");
    }

    @Test
    void thePageStartsFromOneDatasetAndRefusesWhatTheApiRefuses() {
        String one = given().get("/overlap?ids=covid-ct").then().statusCode(200).extract().asString();
        assertThat(one).contains("Pick at least one more dataset to compare with COVID-CT-Dataset.",
                "value=\"covid-ct\" checked").doesNotContain("id=\"answer\"");
        // the form offers every listed dataset, narrowed by a search
        String form = given().get("/overlap").then().statusCode(200).extract().asString();
        Seed.RESOURCES.forEach(r -> assertThat(form).contains("value=\"" + r.id() + "\""));
        String narrowed = given().get("/overlap?q=radiography&ids=covid-ct").then().statusCode(200).extract().asString();
        assertThat(narrowed).contains("value=\"covid-19-radiography-database\"", "value=\"covid-ct\" checked")
                .doesNotContain("value=\"cord-19\"");

        given().get("/overlap?ids=covid-ct,no-such-entry").then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("error-summary")).body(containsString("no-such-entry"));
        given().get("/overlap?ids=" + IntStream.rangeClosed(1, 21).mapToObj(i -> "e-" + i)
                .collect(Collectors.joining(","))).then().statusCode(400).body(containsString("at most 20"));
        given().get("/overlap?ids=a,b&sort=name").then().statusCode(400).body(containsString("error-summary"))
                .body(containsString("sort"));
        given().urlEncodingEnabled(false).get("/overlap?ids=covid-ct,%3Cscript%3Ealert(1)%3C/script%3E").then()
                .statusCode(404).body(containsString("&lt;script&gt;")).body(org.hamcrest.Matchers.not(
                        containsString("<script>alert")));
    }

    private static OverlapReport report(String ids) throws Exception {
        return EventJson.mapper().readValue(given().get("/api/v1/overlap?ids=" + ids).then().statusCode(200).extract()
                .asString(), OverlapReport.class);
    }

    private static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", "").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }
}
