package org.imagingcatalog.submission.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.submission.support.Catalog;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.submission.support.Trusted;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The JSON API takes the trust fields as the model reads them; a bad one is a 400 naming its path. */
@QuarkusTest
class TrustApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    static Stream<Arguments> badTrustFields() {
        return Stream.of(
                bad("proposed.identifiers[0].value", "must be a DOI", p -> identifier(p, "doi", "nope")),
                bad("proposed.identifiers[0].scheme", "must be one of doi", p -> identifier(p, "isbn", "123")),
                bad("proposed.identifiers[1]", "repeats identifier 1", p -> {
                    identifier(p, "doi", "10.5281/zenodo.1");
                    identifier(p, "doi", "https://doi.org/10.5281/ZENODO.1");
                }),
                bad("proposed.identifiers", "must be a list", p -> p.put("identifiers", "doi:10.5281/zenodo.1")),
                bad("proposed.relations[0].target", "must be a catalog id", p -> relation(p, "IsDerivedFrom", "ftp://x/y")),
                bad("proposed.relations[0].type", "DataCite relation type", p -> relation(p, "IsBasedOn", "https://example.org/a")),
                bad("proposed.relations[0].target", "no published resource has the id",
                        p -> relation(p, "IsDerivedFrom", "no-such-entry-" + Proposals.uniqueSlug("x"))),
                bad("proposed.relations[1]", "repeats link 1", p -> {
                    relation(p, "IsDerivedFrom", "https://example.org/source");
                    relation(p, "is derived from", "https://example.org/source/");
                }),
                bad("proposed.relations[0].colour", "unknown field", p -> relation(p, "IsPartOf", "https://example.org/a")
                        .put("colour", "red")),
                bad("proposed.referenceStandard", "RT_PCR", p -> p.put("referenceStandard", "PCR")),
                bad("proposed.population", "must be text", p -> p.put("population", 3)),
                bad("proposed.imageSource", "FROM_PUBLICATIONS", p -> p.put("imageSource", "internet")),
                bad("proposed.riskOfBias.images.reason", "is required", p -> p.putObject("riskOfBias").putObject("images")
                        .put("risk", "HIGH")),
                bad("proposed.riskOfBias.participants.risk", "LOW, HIGH or UNCLEAR", p -> p.putObject("riskOfBias")
                        .putObject("participants").put("risk", "SEVERE").put("reason", "why")),
                bad("proposed.provenance.counts.patients.verifiedOn", "date", p -> p.putObject("provenance")
                        .putObject("counts.patients").put("source", "https://example.org/p").put("verifiedOn", "yesterday")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badTrustFields")
    void eachBadTrustFieldOfANewResourceIsNamedAndNothingIsStored(String field, String message,
            Consumer<ObjectNode> breakIt) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(Proposals.newResourceJson("Valid trust", null, null));
        breakIt.accept((ObjectNode) body.get("proposed"));
        Db db = new Db(dataSource);
        String before = db.snapshot();

        given().contentType(ContentType.JSON).body(body.toString())
                .when().post("/api/v1/submissions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));

        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aCorrectionPatchWithABadRelationIsNamedAndNothingIsStored() {
        String id = Catalog.publish(Trusted.resource(Proposals.uniqueSlug("patch-bad"), "Patch bad",
                Catalog.publishedEntry("patch-bad-source", "Patch bad source")));
        Db db = new Db(dataSource);
        String before = db.snapshot();
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"CORRECTION\",\"resourceId\":\"" + id + "\",\"comment\":\"why\","
                        + "\"proposed\":{\"relations\":[{\"type\":\"IsPartOf\",\"target\":\"not a target\"}],"
                        + "\"identifiers\":[{\"scheme\":\"pmid\",\"value\":\"abc\"}]}}")
                .when().post("/api/v1/submissions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("proposed.relations[0].target"))
                .body("errors.field", hasItem("proposed.identifiers[0].value"));
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"CORRECTION\",\"resourceId\":\"" + id + "\",\"comment\":\"why\","
                        + "\"proposed\":{\"relations\":[{\"type\":\"IsPartOf\",\"target\":\"" + id + "\"}]}}")
                .when().post("/api/v1/submissions").then().statusCode(400)
                .body("errors.find { it.field == 'proposed.relations[0].target' }.message",
                        containsString("another entry than this one"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aNewResourceWithTrustFieldsIsStoredAndEmittedAsTheModelReadsThem() {
        String source = Catalog.publishedEntry("api-source", "API source");
        String body = """
                {"kind": "NEW", "proposed": {"name": "API trusted", "url": "https://example.org/api-trusted", %s},
                 "comment": "With its lineage."}
                """.formatted(Trusted.trustMembers(source));
        JsonPath accepted = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/submissions")
                .then().statusCode(202).extract().jsonPath();

        JsonNode event = Catalog.received(accepted.getString("id"), 1).get(0);
        assertThat(EventSchemaCheck.violations(SubmissionReceived.class, event.toString())).isEmpty();
        JsonNode proposed = event.get("proposed");
        assertThat(proposed.get("relations")).hasSize(3);
        assertThat(proposed.at("/relations/0/target").asText()).isEqualTo(source);
        assertThat(proposed.at("/identifiers/1/value").asText()).isEqualTo("ieee8023/covid-chestxray-dataset");
        assertThat(proposed.get("population").asText()).isEqualTo("MIXED");
        assertThat(proposed.at("/riskOfBias/participants/risk").asText()).isEqualTo("HIGH");
        assertThat(proposed.at("/provenance/counts.patients/verifiedOn").asText()).isEqualTo("2026-01-15");

        String token = Catalog.token(accepted.getString("trackingUrl"));
        given().get("/track/" + token).then().statusCode(200)
                .body(containsString("Mixed: both adults and children"))
                .body(containsString("This dataset takes images from " + source + " (COVID-19 positives)"))
                .body(containsString("Risk of bias: participants"));
    }

    @Test
    void aCorrectionOfOneTrustFieldIsAPatchNamingOnlyIt() {
        String id = Catalog.publish(Trusted.resource(Proposals.uniqueSlug("patch-one"), "Patch one",
                Catalog.publishedEntry("patch-one-source", "Patch one source")));
        JsonPath accepted = given().contentType(ContentType.JSON)
                .body("{\"kind\":\"CORRECTION\",\"resourceId\":\"" + id + "\",\"comment\":\"Children only, per the paper.\","
                        + "\"proposed\":{\"population\":\"paediatric\"}}")
                .when().post("/api/v1/submissions").then().statusCode(202).extract().jsonPath();

        JsonNode patch = Catalog.received(accepted.getString("id"), 1).get(0).get("patch");
        List<String> names = new ArrayList<>();
        patch.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("population");
        String token = Catalog.token(accepted.getString("trackingUrl"));
        assertThat(given().get("/api/v1/submissions/" + token).then().extract().jsonPath().getMap("proposed"))
                .containsOnlyKeys("population");
        given().get("/track/" + token).then().statusCode(200).body(containsString("Paediatric: children only"));
    }

    @Test
    void openApiDocumentsTheTrustFieldsOfTheProposedResource() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        String proposed = "components.schemas.SubmissionRequest.properties.proposed";
        assertThat(doc.getString(proposed + ".description")).contains("referenceStandard").contains("relations")
                .contains("IsDerivedFrom = takes images from");
        assertThat(doc.getMap(proposed + ".properties")).containsKeys("name", "url", "relations", "identifiers",
                "referenceStandard", "population", "imageSource", "riskOfBias", "provenance");
        assertThat(doc.getList(proposed + ".required")).as("a correction's patch requires nothing").isNull();
        assertThat(doc.getList("components.schemas.Relation.required")).containsExactlyInAnyOrder("type", "target");
        assertThat(doc.getList("components.schemas.RelationType.enum")).contains("IsDerivedFrom", "IsPartOf",
                "IsIdenticalTo", "IsSourceOf");
        assertThat(doc.getList("components.schemas.IdentifierScheme.enum")).contains("doi", "kaggle", "url");
        assertThat(doc.getList("components.schemas.ReferenceStandard.enum")).contains("RT_PCR", "UNKNOWN");
        assertThat(doc.getMap("components.schemas.RiskOfBias.properties")).containsOnlyKeys("participants",
                "referenceStandard", "images", "composition");
    }

    private static Arguments bad(String field, String message, Consumer<ObjectNode> breakIt) {
        return Arguments.of(field, message, breakIt);
    }

    private static ObjectNode identifier(ObjectNode proposed, String scheme, String value) {
        ArrayNode list = proposed.has("identifiers") ? (ArrayNode) proposed.get("identifiers") : proposed.putArray("identifiers");
        return list.addObject().put("scheme", scheme).put("value", value);
    }

    private static ObjectNode relation(ObjectNode proposed, String type, String target) {
        ArrayNode list = proposed.has("relations") ? (ArrayNode) proposed.get("relations") : proposed.putArray("relations");
        return list.addObject().put("type", type).put("target", target);
    }
}
