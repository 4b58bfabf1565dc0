package org.imagingcatalog.submission.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.TrustForm;
import org.imagingcatalog.submission.support.Await;
import org.imagingcatalog.submission.support.Catalog;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.FormValues;
import org.imagingcatalog.submission.support.HtmlForm;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.submission.support.Trusted;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The trust part of the forms (new resource, correction, revision): asked in plain words, stored and emitted as the
 * model's fields, kept by a correction that does not change them, bad answers shown beside their field.
 */
@QuarkusTest
class TrustFormTest {

    @Inject
    DataSource dataSource;

    @Test
    void theNewResourceFormAsksInPlainWordsAndItsTrustFieldsAreStoredAndEmitted() {
        String sourceName = "Trust source " + Proposals.uniqueSlug("s");
        String source = Catalog.publishedEntry("trust-source", sourceName);
        HtmlForm opened = HtmlForm.open("/new");
        String page = opened.html();
        assertThat(page)
                .contains("RT-PCR: labels confirmed by a laboratory test")
                .contains("Paediatric: children only")
                .contains("From publications: images copied from papers or web pages")
                .contains("Unknown / not stated")
                .contains("takes images from").contains("is part of").contains("is the same as").contains("gives images to")
                .contains("<option value=\"" + source + "\">" + sourceName + " (" + source + ")</option>")
                .contains("Participants").contains("Reference standard").contains("Images").contains("Composition");

        Map<String, List<String>> served = FormValues.of(page);
        assertThat(served.get("referenceStandard")).as("unknown is the default").containsExactly("UNKNOWN");
        assertThat(served.get("population")).containsExactly("UNKNOWN");
        assertThat(served.get("imageSource")).containsExactly("UNKNOWN");
        assertThat(served.get("rob.participants")).containsExactly("");
        assertThat(served.get(TrustForm.RELATION_TYPE)).as("a few empty rows").hasSize(FormView.SPARE_ROWS)
                .allMatch(String::isEmpty);
        assertThat(served.get(TrustForm.IDENTIFIER_SCHEME)).hasSize(FormView.SPARE_ROWS).allMatch(String::isEmpty);

        Map<String, List<String>> form = filled(served, Proposals.newResourceForm("Trusted proposal"));
        form.put("referenceStandard", List.of("RT_PCR"));
        form.put("population", List.of("ADULT"));
        form.put("imageSource", List.of("HOSPITAL_DICOM"));
        form.put("rob.participants", List.of("LOW"));
        form.put("rob.participants.reason", List.of("consecutive adult patients of one hospital"));
        form.put("rob.composition", List.of("HIGH"));
        form.put("rob.composition.reason", List.of("controls from another country"));
        // the first and the third row filled, the second left empty as a spare row
        form.put(TrustForm.IDENTIFIER_SCHEME, List.of("doi", "", "kaggle"));
        form.put(TrustForm.IDENTIFIER_VALUE, List.of("https://doi.org/10.5281/ZENODO.3757476", "",
                "https://www.kaggle.com/datasets/tawsifurrahman/covid19-radiography-database"));
        form.put(TrustForm.RELATION_TYPE, List.of("IsDerivedFrom", "", "IsPartOf"));
        form.put(TrustForm.RELATION_TARGET, List.of(source, "", ""));
        form.put(FormFields.RELATION_EXTERNAL, List.of("", "", "https://doi.org/10.1000/XYZ-1"));
        form.put(TrustForm.RELATION_NOTE, List.of("COVID-19 positives", "", ""));

        Response posted = opened.postAll("/new", form);
        assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(303);
        String token = Catalog.token(posted.header("Location"));
        String id = given().get("/api/v1/submissions/" + token).then().statusCode(200).extract().path("id");

        JsonNode event = Catalog.received(id, 1).get(0);
        assertThat(EventSchemaCheck.violations(SubmissionReceived.class, event.toString())).isEmpty();
        JsonNode proposed = event.get("proposed");
        assertThat(proposed.get("referenceStandard").asText()).isEqualTo("RT_PCR");
        assertThat(proposed.get("population").asText()).isEqualTo("ADULT");
        assertThat(proposed.get("imageSource").asText()).isEqualTo("HOSPITAL_DICOM");
        assertThat(proposed.at("/riskOfBias/participants/risk").asText()).isEqualTo("LOW");
        assertThat(proposed.at("/riskOfBias/participants/reason").asText()).isEqualTo("consecutive adult patients of one hospital");
        assertThat(proposed.at("/riskOfBias/composition/risk").asText()).isEqualTo("HIGH");
        assertThat(proposed.get("riskOfBias").has("images")).as("not assessed").isFalse();
        assertThat(proposed.get("identifiers").toString()).as("two identifiers, in their normal form").isEqualTo(
                "[{\"scheme\":\"doi\",\"value\":\"10.5281/zenodo.3757476\"},"
                        + "{\"scheme\":\"kaggle\",\"value\":\"tawsifurrahman/covid19-radiography-database\"}]");
        assertThat(proposed.get("relations").toString()).isEqualTo(
                "[{\"type\":\"IsDerivedFrom\",\"target\":\"" + source + "\",\"note\":\"COVID-19 positives\"},"
                        + "{\"type\":\"IsPartOf\",\"target\":\"10.1000/xyz-1\"}]");

        JsonPath state = given().get("/api/v1/submissions/" + token).then().statusCode(200).extract().jsonPath();
        assertThat(state.getString("proposed.relations[0].target")).isEqualTo(source);
        assertThat(state.getString("proposed.referenceStandard")).isEqualTo("RT_PCR");
        String tracking = given().get("/track/" + token).then().statusCode(200).extract().asString();
        assertThat(tracking).contains("This dataset takes images from " + source + " (COVID-19 positives)")
                .contains("RT-PCR: labels confirmed by a laboratory test")
                .contains("doi 10.5281/zenodo.3757476");
    }

    @Test
    void aFormCorrectionOfTheDescriptionLeavesEveryTrustFieldAlone() {
        String source = Catalog.publishedEntry("keep-source", "Keep source");
        String id = Catalog.publish(Trusted.resource(Proposals.uniqueSlug("frankenstein"), "Frankenstein X-ray", source));

        HtmlForm opened = HtmlForm.open("/correct/" + id);
        Map<String, List<String>> served = FormValues.of(opened.html());
        // the form shows the published trust fields: each relation and identifier in its row, then spare rows
        assertThat(served.get("referenceStandard")).containsExactly("REPORT_DERIVED");
        assertThat(served.get("population")).containsExactly("MIXED");
        assertThat(served.get("imageSource")).containsExactly("FROM_PUBLICATIONS");
        assertThat(served.get("rob.participants")).containsExactly("HIGH");
        assertThat(served.get("rob.images.reason")).containsExactly("images copied from publications");
        assertThat(served.get(TrustForm.RELATION_TYPE)).containsExactly("IsDerivedFrom", "IsPartOf", "Cites", "", "", "");
        assertThat(served.get(TrustForm.RELATION_TARGET)).as("a catalog entry is chosen from the list")
                .containsExactly(source, "", "", "", "", "");
        assertThat(served.get(FormFields.RELATION_EXTERNAL)).as("the others are typed")
                .containsExactly("", Trusted.KAGGLE_CONTROLS, Trusted.CITED_DOI, "", "", "");
        assertThat(served.get(TrustForm.IDENTIFIER_SCHEME)).containsExactly("doi", "github", "", "", "");
        assertThat(served.get("provenance.field")).as("provenance is not in the form").isNull();

        Map<String, List<String>> form = new java.util.LinkedHashMap<>(served);
        form.put("description", List.of("Chest radiographs, COVID-19 and controls."));
        form.put("comment", List.of("The provider's page says so."));
        Response posted = opened.postAll("/correct/" + id, form);
        assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(303);
        JsonNode patch = patchOf(posted);
        assertThat(fieldNames(patch)).as("the patch names only what the contributor changed").containsExactly("description");

        // a form that does not carry the trust fields at all (a client made before them) cannot erase them either
        Map<String, String> old = new java.util.LinkedHashMap<>(ResourceReader.toForm(
                Trusted.resource(id, "Frankenstein X-ray", source)));
        TrustForm.FIELDS.forEach(old::remove);
        old.put("description", "Chest radiographs (old form).");
        old.put("comment", "Old form.");
        Response oldPosted = HtmlForm.open("/correct/" + id).post("/correct/" + id, old);
        assertThat(oldPosted.statusCode()).as(oldPosted.asString()).isEqualTo(303);
        assertThat(fieldNames(patchOf(oldPosted))).containsExactly("description");

        // changing one trust answer and one relation's note names just those
        Map<String, List<String>> changed = new java.util.LinkedHashMap<>(served);
        changed.put("population", List.of("ADULT"));
        List<String> notes = new ArrayList<>(served.get(TrustForm.RELATION_NOTE));
        notes.set(1, "pneumonia controls");
        changed.put(TrustForm.RELATION_NOTE, notes);
        changed.put("comment", List.of("Adults only, per the paper."));
        Response changedPosted = HtmlForm.open("/correct/" + id).postAll("/correct/" + id, changed);
        assertThat(changedPosted.statusCode()).as(changedPosted.asString()).isEqualTo(303);
        JsonNode changedPatch = patchOf(changedPosted);
        assertThat(fieldNames(changedPatch)).containsExactlyInAnyOrder("population", "relations");
        assertThat(changedPatch.get("relations")).as("a list is replaced whole").hasSize(3);
        assertThat(changedPatch.at("/relations/1/note").asText()).isEqualTo("pneumonia controls");
        assertThat(changedPatch.at("/relations/0/target").asText()).isEqualTo(source);
    }

    @Test
    void badTrustAnswersAre400WithTheErrorBesideTheFieldAndStoreNothing() {
        String source = Catalog.publishedEntry("bad-source", "Bad source");
        HtmlForm opened = HtmlForm.open("/new");
        Map<String, List<String>> form = filled(FormValues.of(opened.html()), Proposals.newResourceForm("Bad trust"));
        form.put("referenceStandard", List.of("GUESSED"));
        form.put("rob.images", List.of("HIGH"));
        form.put(TrustForm.IDENTIFIER_SCHEME, List.of("doi", ""));
        form.put(TrustForm.IDENTIFIER_VALUE, List.of("not a doi", "abc"));
        // a spare row first: the errors name the rows given (relations[0] is the second posted row)
        form.put(TrustForm.RELATION_TYPE, List.of("", "", "IsDerivedFrom", "IsPartOf"));
        form.put(TrustForm.RELATION_TARGET, List.of("", source, "", source));
        form.put(FormFields.RELATION_EXTERNAL, List.of("", "", "ftp://example.org/data", "https://example.org/other"));
        form.put(TrustForm.RELATION_NOTE, List.of("", "", "", ""));
        Db db = new Db(dataSource);
        String before = db.snapshot();

        Response answer = opened.postAll("/new", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.asString();
        assertThat(error(page, "referenceStandard-error")).contains("reference standard").contains("GUESSED");
        assertThat(error(page, "riskOfBias-images-reason-error")).contains("reason").contains("required");
        assertThat(error(page, "identifiers-0-value-error")).contains("Identifier 1 must be a DOI").contains("not a doi");
        assertThat(error(page, "identifiers-1-scheme-error")).contains("registry of identifier 2 is required");
        assertThat(error(page, "relations-0-type-error")).contains("kind of link 1 is required");
        assertThat(error(page, "relations-1-target-error")).contains("dataset of link 2").contains("ftp://example.org/data");
        assertThat(error(page, "relations-2-target-error")).contains("given twice");
        // tied to their inputs, linked from the summary, the input kept (the spare row dropped, the rows in order)
        assertThat(page).contains("id=\"identifiers-0-value\" name=\"identifier.value\" value=\"not a doi\" "
                + "aria-describedby=\"identifiers-0-value-help identifiers-0-value-error\" aria-invalid=\"true\"");
        assertThat(page).contains("aria-describedby=\"relations-2-external-help relations-2-target-error\"");
        assertThat(page).contains("href=\"#identifiers-0-value\"").contains("href=\"#relations-1-target\"")
                .contains("href=\"#riskOfBias-images-reason\"").contains("href=\"#referenceStandard\"");
        Map<String, List<String>> shown = FormValues.of(page);
        assertThat(shown.get(TrustForm.RELATION_TARGET)).startsWith(source, "", source);
        assertThat(shown.get(FormFields.RELATION_EXTERNAL)).startsWith("", "ftp://example.org/data", "https://example.org/other");
        assertThat(shown.get("rob.images")).containsExactly("HIGH");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void addMoreRowsShowsTheFormAgainWithThreeMoreEmptyRowsAndStoresNothing() {
        HtmlForm opened = HtmlForm.open("/new");
        Map<String, List<String>> form = filled(FormValues.of(opened.html()), Proposals.newResourceForm("More rows"));
        form.put(TrustForm.RELATION_TYPE, List.of("IsDerivedFrom", "IsDerivedFrom", "IsDerivedFrom"));
        form.put(TrustForm.RELATION_TARGET, List.of("", "", ""));
        form.put(FormFields.RELATION_EXTERNAL, List.of("https://example.org/a", "https://example.org/b", "https://example.org/c"));
        form.put(TrustForm.RELATION_NOTE, List.of("", "", ""));
        form.put("more", List.of("rows"));
        Db db = new Db(dataSource);
        String before = db.snapshot();

        Response answer = opened.postAll("/new", form);

        assertThat(answer.statusCode()).isEqualTo(200);
        Map<String, List<String>> shown = FormValues.of(answer.asString());
        assertThat(shown.get(FormFields.RELATION_EXTERNAL)).containsExactly("https://example.org/a",
                "https://example.org/b", "https://example.org/c", "", "", "");
        assertThat(FormValues.single(shown, "name")).isEqualTo("More rows");
        assertThat(answer.asString()).doesNotContain("error-summary");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void tooManyRowsAndHostileTextAre400WithAPageOfBoundedSizeAndStoreNothing() {
        HtmlForm opened = HtmlForm.open("/new");
        Map<String, List<String>> form = filled(FormValues.of(opened.html()), Proposals.newResourceForm("Many rows"));
        List<String> types = new ArrayList<>();
        List<String> externals = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            types.add("IsDerivedFrom");
            externals.add("https://example.org/source/" + i);
            notes.add("<script>alert(" + i + ")</script>");
        }
        form.put(TrustForm.RELATION_TYPE, types);
        form.put(TrustForm.RELATION_TARGET, List.of());
        form.put(FormFields.RELATION_EXTERNAL, externals);
        form.put(TrustForm.RELATION_NOTE, notes);
        Db db = new Db(dataSource);
        String before = db.snapshot();

        Response answer = opened.postAll("/new", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        String page = answer.asString();
        assertThat(error(page, "relations-error")).contains("at most 50");
        assertThat(page).doesNotContain("<script>alert(").contains("&lt;script&gt;alert(0)&lt;/script&gt;");
        assertThat(FormValues.of(page).get(TrustForm.RELATION_TYPE)).as("the rows shown are bounded")
                .hasSizeLessThanOrEqualTo(51 + FormView.SPARE_ROWS);
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void theRevisionFormIsPrefilledWithTheTrustFieldsAndKeepsThoseItDoesNotShow() {
        String source = Catalog.publishedEntry("revise-source", "Revise source");
        String body = """
                {"kind": "NEW", "proposed": {"name": "Revise trust", "url": "https://example.org/revise-trust", %s},
                 "comment": "Please add it."}
                """.formatted(Trusted.trustMembers(source));
        JsonPath first = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(202).extract().jsonPath();
        String id = first.getString("id");
        String token = Catalog.token(first.getString("trackingUrl"));
        Catalog.decide(UUID.fromString(id), DecisionOutcome.REQUEST_CHANGES, "Add the provider.", null, null);
        Await.until("the request for changes", Duration.ofSeconds(30), () -> "CHANGES_REQUESTED"
                .equals(given().get("/api/v1/submissions/" + token).then().extract().path("status")));

        HtmlForm opened = HtmlForm.open("/track/" + token);
        Map<String, List<String>> served = FormValues.of(opened.html());
        assertThat(served.get(TrustForm.RELATION_TARGET)).startsWith(source, "", "");
        assertThat(served.get("population")).containsExactly("MIXED");
        Map<String, List<String>> form = new java.util.LinkedHashMap<>(served);
        form.put("provider", List.of("Example Hospital"));
        form.put("comment", List.of("Provider added."));
        Response posted = opened.postAll("/track/" + token + "/revision", form);
        assertThat(posted.statusCode()).as(posted.asString()).isEqualTo(303);

        List<JsonNode> events = Catalog.received(id, 2);
        JsonNode before = events.get(0).get("proposed");
        JsonNode after = events.get(1).get("proposed");
        assertThat(after.get("provider").asText()).isEqualTo("Example Hospital");
        for (String field : List.of("relations", "identifiers", "referenceStandard", "population", "imageSource",
                "riskOfBias", "provenance")) {
            assertThat(after.get(field)).as(field).isEqualTo(before.get(field)).isNotNull();
        }
    }

    /** The served form with the given single values put in. */
    private static Map<String, List<String>> filled(Map<String, List<String>> served, Map<String, String> values) {
        Map<String, List<String>> form = new java.util.LinkedHashMap<>(served);
        values.forEach((name, value) -> form.put(name, List.of(value)));
        return form;
    }

    private static JsonNode patchOf(Response posted) {
        String token = Catalog.token(posted.header("Location"));
        String id = given().get("/api/v1/submissions/" + token).then().statusCode(200).extract().path("id");
        JsonNode event = Catalog.received(id, 1).get(0);
        assertThat(EventSchemaCheck.violations(SubmissionReceived.class, event.toString())).isEmpty();
        return event.get("patch");
    }

    /** The text of the element with this id. */
    static String error(String page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(page);
        assertThat(m.find()).as("an element #" + id + " in the page").isTrue();
        return m.group(1).replace("&quot;", "\"").replace("&#39;", "'");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
