package org.imagingcatalog.publicweb.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.apicatalog.jsonld.loader.DocumentLoader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Issue 17, part 4: each entry as Croissant JSON-LD, read by a real JSON-LD processor (titanium-json-ld) whose
 * document loader refuses every address, so the document must carry its own context; the checks are on the
 * expanded statements (full IRIs), not on the text.
 */
@QuarkusTest
class CroissantTest {

    private static final String BASE = "http://localhost:8080";
    private static final String SC = "https://schema.org/";
    private static final String CR = "http://mlcommons.org/croissant/";
    private static final String RAI = "http://mlcommons.org/croissant/RAI/";

    /** Every address a processor asks for, refused: nothing is fetched, and the test sees if anything was asked. */
    private final List<URI> asked = new ArrayList<>();
    private final DocumentLoader fetchesNothing = (url, options) -> {
        asked.add(url);
        throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "nothing is fetched in tests: " + url);
    };

    @BeforeEach
    void seed() {
        Seed.publishOnce();
    }

    @Test
    void anEntryExpandsToACroissantDatasetWithItsLineageAsIsBasedOnAndProvenance() throws Exception {
        JsonObject dataset = croissant("covid-19-radiography-database");
        assertThat(dataset.getString("@id")).isEqualTo(BASE + "/resources/covid-19-radiography-database");
        assertThat(strings(dataset.getJsonArray("@type"))).containsExactly(SC + "Dataset");
        assertThat(values(dataset, SC + "name")).containsExactly("COVID-19 Radiography Database");
        assertThat(values(dataset, "http://purl.org/dc/terms/conformsTo")).containsExactly("http://mlcommons.org/croissant/1.0");
        assertThat(values(dataset, SC + "url")).containsExactly("https://www.kaggle.com/tawsifurrahman/covid19-radiography-database");
        assertThat(values(dataset, SC + "keywords")).contains("X-ray");
        assertThat(values(dataset, CR + "citeAs").get(0)).startsWith("@misc{covid-19-radiography-database,");

        List<String> sources = List.of(BASE + "/resources/sirm-covid-19-database", BASE + "/resources/eurorad",
                BASE + "/resources/covid-chestxray-dataset", "https://bimcv.cipf.es/bimcv-projects/bimcv-covid19/",
                "https://github.com/ml-workgroup/covid-19-image-repository", "https://github.com/armiro/COVID-CXNet",
                "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge",
                "https://www.kaggle.com/paultimothymooney/chest-xray-pneumonia");
        assertThat(ids(dataset.getJsonArray(SC + "isBasedOn"))).containsExactlyInAnyOrderElementsOf(sources);
        assertThat(ids(dataset.getJsonArray("http://www.w3.org/ns/prov#wasDerivedFrom")))
                .containsExactlyInAnyOrderElementsOf(sources);
        // the source entry's IRI is the @id of that entry's own Croissant document
        JsonObject source = croissant("covid-chestxray-dataset");
        assertThat(ids(dataset.getJsonArray(SC + "isBasedOn"))).contains(source.getString("@id"));
        assertThat(values(dataset, RAI + "dataLimitations").get(0)).startsWith("Built from 8 other datasets");
    }

    @Test
    void theTrustFieldsAreCroissantRaiPropertiesAndTheirCodesPropertyValues() throws Exception {
        JsonObject dataset = croissant("covid-19-radiography-database");
        assertThat(values(dataset, RAI + "dataBiases")).anyMatch(v -> v.startsWith("Risk of bias (participants): HIGH: all 'Normal'"))
                .anyMatch(v -> v.startsWith("Risk of bias (composition): HIGH: "));
        assertThat(values(dataset, RAI + "dataCollection")).containsExactly("Whose images: adults and children.");
        assertThat(values(dataset, RAI + "dataAnnotationProtocol")).containsExactly("How the labels were set: mixed, differing by source.");
        Map<String, String> properties = new TreeMap<>();
        for (JsonValue value : dataset.getJsonArray(SC + "additionalProperty")) {
            JsonObject property = value.asJsonObject();
            assertThat(strings(property.getJsonArray("@type"))).containsExactly(SC + "PropertyValue");
            properties.put(values(property, SC + "propertyID").get(0), values(property, SC + "value").get(0));
        }
        assertThat(properties).containsEntry("referenceStandard", "MIXED").containsEntry("population", "MIXED")
                .containsEntry("imageSource", "MIXED").containsEntry("riskOfBias.participants", "HIGH");
    }

    @Test
    void eachStatedFormatIsAFileObjectAtTheProvidersAddress() throws Exception {
        JsonObject dataset = croissant("covid-chestxray-dataset");
        JsonArray files = dataset.getJsonArray(SC + "distribution");
        assertThat(files).hasSize(3);
        List<String> formats = new ArrayList<>();
        for (JsonValue value : files) {
            JsonObject file = value.asJsonObject();
            assertThat(strings(file.getJsonArray("@type"))).containsExactly(CR + "FileObject");
            assertThat(file.getString("@id")).startsWith(BASE + "/resources/covid-chestxray-dataset#data-");
            assertThat(values(file, SC + "contentUrl")).containsExactly("https://github.com/ieee8023/covid-chestxray-dataset");
            formats.addAll(values(file, SC + "encodingFormat"));
        }
        assertThat(formats).containsExactly("image/png", "image/jpeg", "text/csv");
        // an SPDX licence by its SPDX IRI
        assertThat(values(croissant("eurorad"), SC + "license")).containsExactly("http://spdx.org/licenses/CC-BY-NC-SA-4.0");
    }

    @Test
    void nothingIsFetchedAndARemoteContextIsRefusedByTheLoader() {
        assertThatThrownBy(() -> expand("{\"@context\": \"https://mlcommons.org/croissant/context.jsonld\", \"name\": \"x\"}"))
                .isInstanceOf(JsonLdError.class);
        assertThat(asked).containsExactly(URI.create("https://mlcommons.org/croissant/context.jsonld"));
    }

    @Test
    void aWithdrawnEntryIsServedMarkedLikeItsPageAnUnknownOneIs404() throws Exception {
        String id = Entries.unique("croissant-withdrawn");
        var resource = Entries.resource(id, "Withdrawn croissant", "YNNNYN", "to be withdrawn", List.of("x"));
        Entries.publish(resource);
        Entries.awaitVersion(id, 1);
        Entries.publish(resource, 2, ResourceStatus.WITHDRAWN, "withdrawn", "duplicate");
        Entries.awaitVersion(id, 2);
        assertThat(values(croissant(id), SC + "creativeWorkStatus")).containsExactly("Withdrawn");
        given().get("/resources/" + id).then().statusCode(200);

        given().get("/resources/no-such-entry/croissant.json").then().statusCode(404)
                .contentType("application/problem+json").body("type", is("urn:imaging-catalog:problem:not-found"));
        given().get("/resources/eurorad/croissant.json?format=json").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("format"));
    }

    @Test
    void theDocumentIsCachedLikeTheOtherViewsAndLinkedFromThePage() {
        String path = "/resources/eurorad/croissant.json";
        Response first = given().get(path);
        first.then().statusCode(200).contentType("application/ld+json");
        given().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(304);
        given().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);
        given().get("/resources/eurorad").then().statusCode(200)
                .body(containsString("<link rel=\"alternate\" type=\"application/ld+json\""))
                .body(containsString("href=\"/resources/eurorad/croissant.json\">Croissant metadata (JSON-LD)</a>"));
    }

    // --- expanding with a real processor -------------------------------------------------------------------

    private JsonObject croissant(String id) throws JsonLdError {
        String document = given().get("/resources/" + id + "/croissant.json").then().statusCode(200).extract().asString();
        JsonArray expanded = expand(document);
        assertThat(asked).as("addresses the processor asked for").isEmpty();
        assertThat(expanded).hasSize(1);
        return expanded.getJsonObject(0);
    }

    private JsonArray expand(String jsonLd) throws JsonLdError {
        return JsonLd.expand(JsonDocument.of(MediaType.JSON_LD, new StringReader(jsonLd))).loader(fetchesNothing).get();
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static List<String> ids(JsonArray nodes) {
        return nodes.stream().map(v -> v.asJsonObject().getString("@id")).toList();
    }

    /** The literal values of a property (an expanded node's {@code @value}s), or the IRIs of its node values. */
    private static List<String> values(JsonObject node, String property) {
        JsonArray values = node.getJsonArray(property);
        assertThat(values).as(property).isNotNull();
        return values.stream().map(JsonValue::asJsonObject)
                .map(v -> v.containsKey("@value") ? jsonText(v.get("@value")) : v.getString("@id")).toList();
    }

    private static String jsonText(JsonValue value) {
        return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }
}
