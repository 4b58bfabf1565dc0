package org.imagingcatalog.publicweb.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.lineage.LineageEdge;
import org.imagingcatalog.model.lineage.LineageNode;
import org.imagingcatalog.model.lineage.LineageView;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15: {@code GET /api/v1/resources/{id}/lineage} answers the entry's ancestors and descendants as nodes and
 * edges; the graph behind it is built again for each catalog version, so a relation to an address finds the entry
 * with that address when it arrives later. The resource JSON carries the trust fields.
 */
@QuarkusTest
class LineageApiTest {

    @BeforeEach
    void seed() {
        Seed.publishOnce();
    }

    @Test
    void theLineageOfTheRadiographyDatabaseIsItsSourcesAtAnyDepth() throws Exception {
        LineageView view = EventJson.mapper().readValue(given().get("/api/v1/resources/covid-19-radiography-database/lineage")
                .then().statusCode(200).contentType("application/json").extract().asString(), LineageView.class);
        assertThat(view.id()).isEqualTo("covid-19-radiography-database");
        assertThat(view.nodes().get(0)).isEqualTo(new LineageNode("covid-19-radiography-database", false));
        assertThat(view.nodes()).contains(new LineageNode("covid-chestxray-dataset", false),
                new LineageNode("radiopaedia-covid-19", false), new LineageNode("coronacases", false),
                new LineageNode("https://www.kaggle.com/c/rsna-pneumonia-detection-challenge", true))
                .hasSize(11);
        assertThat(view.edges()).contains(
                new LineageEdge("covid-19-radiography-database", RelationType.IS_DERIVED_FROM, "covid-chestxray-dataset"),
                new LineageEdge("covid-chestxray-dataset", RelationType.IS_DERIVED_FROM, "radiopaedia-covid-19"))
                .hasSize(13);
        // descendants too: radiopaedia's lineage reaches the radiography database through covid-chestxray-dataset
        given().get("/api/v1/resources/radiopaedia-covid-19/lineage").then().statusCode(200)
                .body("nodes.id", org.hamcrest.Matchers.hasItems("medseg-covid-19", "covid-19-radiography-database"))
                .body("edges.find { it.from == 'covid-19-radiography-database' }.type", is("IsDerivedFrom"));
    }

    @Test
    void unknownEntriesAndParametersAreRefused() {
        given().get("/api/v1/resources/no-such-entry/lineage").then().statusCode(404)
                .contentType("application/problem+json").body("type", is("urn:imaging-catalog:problem:not-found"));
        given().get("/api/v1/resources/covid-ct/lineage?depth=2").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("depth"))
                .body("errors[0].message", containsString("this address takes no parameter"));
    }

    @Test
    void aRelationToAnAddressFindsTheEntryWithThatAddressWhenItArrivesLater() {
        String derived = Entries.unique("late-derived");
        String source = Entries.unique("late-source");
        String address = "https://data.example.org/" + source + "/";
        Resource child = Entries.resource(derived, "Derived " + derived, "YNNNNN", "x", List.of("t"))
                .withTrust(new TrustFields(List.of(new Relation(RelationType.IS_DERIVED_FROM, address, null)), null,
                        null, null, null, null, null));
        Entries.publish(child);
        Entries.awaitVersion(derived, 1);
        given().get("/api/v1/resources/" + derived + "/lineage").then().statusCode(200)
                .body("nodes", is(List.of(Map.of("id", derived, "external", false), Map.of("id", address, "external", true))));

        // the source arrives, known by the same address in another spelling (http, www., no trailing slash)
        Resource arrived = new Resource(source, "Source " + source, "http://www.data.example.org/" + source, "x",
                "Test Institute", null, null, null, null, null, List.of(), null, List.of(), List.of(), null, null);
        Entries.publish(arrived);
        Entries.awaitVersion(source, 1);
        given().get("/api/v1/resources/" + derived + "/lineage").then().statusCode(200)
                .body("nodes", is(List.of(Map.of("id", derived, "external", false), Map.of("id", source, "external", false))))
                .body("edges[0].to", is(source));
        given().get("/api/v1/resources/" + source + "/lineage").then().statusCode(200)
                .body("edges[0].from", is(derived));
        given().get("/api/v1/overlap?ids=" + derived + "," + source).then().statusCode(200)
                .body("independent", is(false)).body("pairs[0].shared", is(List.of(source)));
    }

    @Test
    void theResourceJsonCarriesTheTrustFields() throws Exception {
        Resource seed = Seed.RESOURCES.stream().filter(r -> r.id().equals("covid-19-radiography-database")).findFirst()
                .orElseThrow();
        String json = given().get("/api/v1/resources/covid-19-radiography-database").then().statusCode(200).extract()
                .asString();
        Resource served = EventJson.mapper().readValue(json, Resource.class);
        assertThat(TrustFields.of(served)).isEqualTo(TrustFields.of(seed));
        given().get("/api/v1/resources/covid-19-radiography-database").then()
                .body("population", is("MIXED")).body("riskOfBias.participants.risk", is("HIGH"))
                .body("relations[4].target", is("covid-chestxray-dataset"))
                .body("identifiers[0].scheme", is("kaggle"));
        // the list answers them too
        given().get("/api/v1/resources?q=radiography&population=MIXED").then().statusCode(200)
                .body("items.find { it.id == 'covid-19-radiography-database' }.referenceStandard", is("MIXED"));
    }
}
