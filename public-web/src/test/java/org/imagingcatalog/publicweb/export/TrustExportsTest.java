package org.imagingcatalog.publicweb.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.publicweb.support.CsvParser;
import org.imagingcatalog.publicweb.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Issue 15: the exports carry the trust fields, read back by real parsers. JSON exports the snapshots; CSV gains
 * the trust columns; the schema.org JSON-LD states each dataset's lineage ({@code isBasedOn}) and identifiers
 * ({@code PropertyValue}), checked by expanding it with a real JSON-LD processor (titanium-json-ld) against the
 * schema.org terms it uses, held locally in {@code jsonld/schema-org-context.jsonld} (mapped for
 * {@code https://schema.org} by a document loader that fetches nothing); the LaTeX table can add a risk-of-bias
 * column.
 */
@QuarkusTest
class TrustExportsTest {

    private static final String SCHEMA = "http://schema.org/";
    /** catalog.public-url in the tests */
    private static final String BASE = "http://localhost:8080";

    @BeforeEach
    void seed() {
        Seed.publishOnce();
    }

    @Test
    void csvHasTheTrustColumnsAfterTheOthers() {
        List<List<String>> rows = CsvParser.parse(given().get("/export/catalog.csv").then().statusCode(200).extract()
                .asString());
        List<String> header = rows.get(0);
        assertThat(header.subList(header.indexOf("updated") + 1, header.size())).containsExactly("referenceStandard",
                "population", "imageSource", "derivedFrom", "riskParticipants", "riskParticipantsReason",
                "riskReferenceStandard", "riskReferenceStandardReason", "riskImages", "riskImagesReason",
                "riskComposition", "riskCompositionReason", "identifiers");
        Map<String, Map<String, String>> byId = new HashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(header.size());
            Map<String, String> cells = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), row.get(i));
            }
            byId.put(row.get(0), cells);
        }
        Map<String, String> radiography = byId.get("covid-19-radiography-database");
        assertThat(radiography).containsEntry("referenceStandard", "MIXED").containsEntry("population", "MIXED")
                .containsEntry("imageSource", "MIXED").containsEntry("riskParticipants", "HIGH")
                .containsEntry("riskReferenceStandard", "").containsEntry("riskImages", "")
                .containsEntry("riskComposition", "HIGH")
                .containsEntry("identifiers", "kaggle:tawsifurrahman/covid19-radiography-database; arxiv:2003.13145;"
                        + " arxiv:2012.02238");
        assertThat(radiography.get("riskParticipantsReason")).startsWith("all 'Normal' (1,341)");
        assertThat(Arrays.stream(radiography.get("derivedFrom").split(";")).map(String::strip).toList())
                .containsExactlyInAnyOrder("sirm-covid-19-database", "eurorad", "covid-chestxray-dataset",
                        "https://bimcv.cipf.es/bimcv-projects/bimcv-covid19/",
                        "https://github.com/ml-workgroup/covid-19-image-repository", "https://github.com/armiro/COVID-CXNet",
                        "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge",
                        "https://www.kaggle.com/paultimothymooney/chest-xray-pneumonia");
        assertThat(byId.get("cord-19")).containsEntry("referenceStandard", "UNKNOWN").containsEntry("derivedFrom", "")
                .containsEntry("riskParticipants", "");
        assertThat(byId.get("medseg-covid-19").get("derivedFrom")).isEqualTo("sirm-covid-19-database; radiopaedia-covid-19");
    }

    @Test
    void jsonExportsTheSnapshotsWithTheirTrustFields() throws Exception {
        JsonNode all = EventJson.mapper().readTree(given().get("/export/catalog.json").then().statusCode(200).extract()
                .asString());
        Map<String, Resource> served = new HashMap<>();
        for (JsonNode item : all) {
            Resource r = EventJson.mapper().treeToValue(item, Resource.class);
            served.put(r.id(), r);
        }
        for (Resource seed : Seed.RESOURCES) {
            assertThat(TrustFields.of(served.get(seed.id()))).as(seed.id()).isEqualTo(TrustFields.of(seed));
        }
        assertThat(served.get("covid-19-radiography-database").relations()).hasSize(8);
    }

    @Test
    void jsonLdExpandsToSchemaOrgIsBasedOnAndPropertyValueIdentifiers() throws Exception {
        JsonArray expanded = expand(given().get("/export/catalog.jsonld").then().statusCode(200).extract().asString());
        JsonObject catalog = expanded.getJsonObject(0);
        assertThat(types(catalog)).containsExactly(SCHEMA + "DataCatalog");
        Map<String, JsonObject> datasets = new HashMap<>();
        for (JsonValue value : catalog.getJsonArray(SCHEMA + "dataset")) {
            JsonObject dataset = value.asJsonObject();
            datasets.put(dataset.getString("@id"), dataset);
        }
        JsonObject radiography = datasets.get(BASE + "/resources/covid-19-radiography-database");
        assertThat(types(radiography)).containsExactly(SCHEMA + "Dataset");
        assertThat(ids(radiography.getJsonArray(SCHEMA + "isBasedOn"))).containsExactlyInAnyOrder(
                BASE + "/resources/sirm-covid-19-database", BASE + "/resources/eurorad",
                BASE + "/resources/covid-chestxray-dataset", "https://bimcv.cipf.es/bimcv-projects/bimcv-covid19/",
                "https://github.com/ml-workgroup/covid-19-image-repository", "https://github.com/armiro/COVID-CXNet",
                "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge",
                "https://www.kaggle.com/paultimothymooney/chest-xray-pneumonia");
        // a catalog entry it is based on is a Dataset with its name
        JsonObject source = radiography.getJsonArray(SCHEMA + "isBasedOn").stream().map(JsonValue::asJsonObject)
                .filter(o -> o.getString("@id").equals(BASE + "/resources/covid-chestxray-dataset")).findFirst()
                .orElseThrow();
        assertThat(types(source)).containsExactly(SCHEMA + "Dataset");
        assertThat(literal(source, "name")).isEqualTo("COVID-19 Image Data Collection");

        List<Map<String, String>> identifiers = propertyValues(datasets.get(
                BASE + "/resources/covid-19-ct-lung-infection-segmentation"));
        assertThat(identifiers).contains(Map.of("propertyID", "doi", "value", "10.5281/zenodo.3757476",
                "url", "https://doi.org/10.5281/zenodo.3757476"), Map.of("propertyID", "arxiv", "value", "2004.12537",
                        "url", "https://arxiv.org/abs/2004.12537"));
        // the catalog's own id stays the first identifier, as text
        assertThat(datasets.get(BASE + "/resources/cord-19").getJsonArray(SCHEMA + "identifier").getJsonObject(0)
                .getString("@value")).isEqualTo("cord-19");
        assertThat(datasets.get(BASE + "/resources/cord-19").containsKey(SCHEMA + "isBasedOn")).isFalse();
    }

    @Test
    void theResourcePagesJsonLdExpandsAlike() throws Exception {
        String html = given().get("/resources/covid-chestxray-dataset").then().statusCode(200).extract().asString();
        int start = html.indexOf("<script type=\"application/ld+json\">") + "<script type=\"application/ld+json\">".length();
        JsonObject dataset = expand(html.substring(start, html.indexOf("</script>", start))).getJsonObject(0);
        assertThat(dataset.getString("@id")).isEqualTo(BASE + "/resources/covid-chestxray-dataset");
        assertThat(ids(dataset.getJsonArray(SCHEMA + "isBasedOn"))).contains(BASE + "/resources/radiopaedia-covid-19",
                "https://github.com/ml-workgroup/covid-19-image-repository").hasSize(5);
        assertThat(propertyValues(dataset)).contains(Map.of("propertyID", "github", "value",
                "ieee8023/covid-chestxray-dataset", "url", "https://github.com/ieee8023/covid-chestxray-dataset"));
    }

    @Test
    void latexAddsAnOptionalRiskOfBiasColumnWithTheWorstRisk() {
        String tex = given().get("/export/catalog.tex?riskOfBias=true").then().statusCode(200).extract().asString();
        assertThat(tex).contains("Name & CT & X-ray & MRI & US & Metadata & Case review & RoB \\\\",
                "p{\\catalogReviewWidth}c@{}}", "\\multicolumn{8}", "-14\\tabcolsep",
                "RoB: the worst risk of bias over the assessed domains");
        List<String> rows = tex.lines().filter(l -> l.matches(".* & [YNU] & [YNU] & [YNU] & [YNU] & [YNU] & [YNU] & "
                + "(H|U|L|--) \\\\\\\\")).toList();
        assertThat(rows).anyMatch(l -> l.startsWith("COVID-19 Radiography Database~\\cite{covid-19-radiography-database}")
                && l.endsWith(" & H \\\\"));
        assertThat(rows).anyMatch(l -> l.contains("\\cite{cord-19}") && l.endsWith(" & -- \\\\"));
        // covid-chestxray-dataset: reference standard UNCLEAR, composition HIGH: the worst is H
        assertThat(rows).anyMatch(l -> l.contains("\\cite{covid-chestxray-dataset}") && l.endsWith(" & H \\\\"));
        assertThat(given().get("/export/catalog.tex").then().statusCode(200).extract().asString())
                .doesNotContain("RoB").contains("\\multicolumn{7}");
        given().get("/export/catalog.tex?riskOfBias=maybe").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("riskOfBias"))
                .body("errors[0].message", containsString("true or false"));
        given().get("/export/catalog.tex?riskOfBias=true&population=MIXED").then().statusCode(200)
                .body(containsString("covid-19-radiography-database")).body(org.hamcrest.Matchers.not(
                        containsString("\\cite{cord-19}")));
    }

    @Test
    void theCheckIsRealAnUnknownTermFailsAndNothingIsFetched() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> expand(
                "{\"@context\": \"https://schema.org\", \"@type\": \"Dataset\", \"isBasedOnn\": \"x\"}"))
                .isInstanceOf(JsonLdError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> expand(
                "{\"@context\": \"https://example.org/context.jsonld\", \"name\": \"x\"}"))
                .isInstanceOf(JsonLdError.class);
    }

    // --- expanding with a real processor -------------------------------------------------------------------

    /** Serves the local schema.org terms for https://schema.org (any spelling); refuses every other address. */
    static final DocumentLoader LOCAL_SCHEMA_ORG = (URI url, com.apicatalog.jsonld.loader.DocumentLoaderOptions options) -> {
        if (!Set.of("schema.org", "www.schema.org").contains(url.getHost())) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "nothing is fetched in tests: " + url);
        }
        try (InputStream in = TrustExportsTest.class.getResourceAsStream("/jsonld/schema-org-context.jsonld")) {
            Document document = JsonDocument.of(MediaType.JSON_LD, in);
            document.setDocumentUrl(url);
            return document;
        } catch (java.io.IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
        }
    };

    static JsonArray expand(String jsonLd) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(MediaType.JSON_LD, new StringReader(jsonLd))).loader(LOCAL_SCHEMA_ORG)
                .undefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail).get();
    }

    private static List<String> types(JsonObject node) {
        return node.getJsonArray("@type").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static List<String> ids(JsonArray nodes) {
        return nodes.stream().map(v -> v.asJsonObject().getString("@id")).toList();
    }

    private static String literal(JsonObject node, String term) {
        return node.getJsonArray(SCHEMA + term).getJsonObject(0).getString("@value");
    }

    /** The PropertyValue identifiers of an expanded dataset: propertyID, value and url (an IRI) each. */
    private static List<Map<String, String>> propertyValues(JsonObject dataset) {
        List<Map<String, String>> values = new ArrayList<>();
        for (JsonValue value : dataset.getJsonArray(SCHEMA + "identifier")) {
            JsonObject node = value.asJsonObject();
            if (!node.containsKey("@type")) {
                continue;
            }
            assertThat(types(node)).containsExactly(SCHEMA + "PropertyValue");
            Map<String, String> fields = new HashMap<>();
            fields.put("propertyID", literal(node, "propertyID"));
            fields.put("value", literal(node, "value"));
            if (node.containsKey(SCHEMA + "url")) {
                fields.put("url", node.getJsonArray(SCHEMA + "url").getJsonObject(0).getString("@id"));
            }
            values.add(fields);
        }
        return values;
    }
}
