package org.imagingcatalog.publicweb.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.imagingcatalog.publicweb.support.CsvParser;
import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/** Acceptance 1: the 13 seed resources, published as events, appear with exactly their flags everywhere. */
@QuarkusTest
class SeedCatalogTest {

    private static final List<Resource> SEED = SeedCatalog.load().stream().map(SeedEntry::resource).toList();

    private static boolean published;

    @BeforeEach
    void publishTheSeedOnce() {
        if (published) {
            return;
        }
        published = true;
        assertThat(SEED).hasSize(13);
        SEED.forEach(Entries::publish);
        SEED.forEach(r -> Entries.awaitVersion(r.id(), 1));
    }

    @Test
    void catalogPageShowsEverySeedResourceWithItsFlags() {
        String html = given().get("/?size=100").then().statusCode(200).extract().asString();
        for (Resource r : SEED) {
            Matcher row = Pattern.compile("<a href=\"/resources/" + Pattern.quote(r.id()) + "\">(.*?)</a></th>(.*?)</tr>",
                    Pattern.DOTALL).matcher(html);
            assertThat(row.find()).as("row of %s", r.id()).isTrue();
            assertThat(row.group(1)).isEqualTo(htmlEscaped(r.name()));
            List<String> badges = new ArrayList<>();
            Matcher badge = Pattern.compile("badge badge-([YNU])\"><span aria-hidden=\"true\">\\1</span>"
                    + "<span class=\"visually-hidden\">(yes|no|unknown)</span>").matcher(row.group(2));
            while (badge.find()) {
                badges.add(badge.group(1));
            }
            assertThat(badges).as("flags of %s", r.id()).isEqualTo(flags(r));
        }
    }

    @Test
    void apiServesEverySeedResourceWithItsFlags() throws Exception {
        JsonNode page = EventJson.mapper().readTree(given().get("/api/v1/resources?size=100").then().statusCode(200)
                .extract().asString());
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(100);
        Map<String, Resource> served = new HashMap<>();
        for (JsonNode item : page.get("items")) {
            Resource r = EventJson.mapper().treeToValue(item, Resource.class);
            served.put(r.id(), r);
        }
        assertThat(page.get("total").asLong()).isEqualTo(served.size());
        for (Resource r : SEED) {
            assertThat(served.get(r.id())).as(r.id()).isNotNull();
            assertThat(served.get(r.id()).content()).isEqualTo(r.content());
            assertThat(served.get(r.id()).version()).isEqualTo(1);
            assertThat(served.get(r.id()).status().name()).isEqualTo("ACTIVE");
        }
        given().get("/api/v1/resources/covid-ct").then().statusCode(200)
                .body("modalities.ct", org.hamcrest.Matchers.is("Y"));
    }

    @Test
    void csvParsesBackToTheSameValues() {
        String csv = given().get("/export/catalog.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<List<String>> rows = CsvParser.parse(csv);
        List<String> header = rows.get(0);
        assertThat(header).startsWith("id", "name", "url", "description", "provider", "ct", "xray", "mri",
                "ultrasound", "metadata", "caseReview", "license", "access");
        Map<String, List<String>> byId = new HashMap<>();
        rows.subList(1, rows.size()).forEach(row -> byId.put(row.get(0), row));
        for (Resource r : SEED) {
            List<String> row = byId.get(r.id());
            assertThat(row).as(r.id()).isNotNull().hasSize(header.size());
            assertThat(row.subList(1, 5)).containsExactly(r.name(), r.url(), r.description(), r.provider());
            assertThat(row.subList(5, 11)).isEqualTo(flags(r));
            assertThat(row.get(11)).isEqualTo(r.license() == null ? "" : r.license());
            assertThat(row.get(12)).isEqualTo(r.access().name());
            assertThat(row.get(13)).isEqualTo(String.join("; ", r.formats()));
            assertThat(row.get(18)).isEqualTo(String.join("; ", r.tags()));
        }
        assertThat(rows).hasSize(1 + total());
    }

    @Test
    void jsonExportHoldsTheSameResources() throws Exception {
        JsonNode all = EventJson.mapper().readTree(given().get("/export/catalog.json").then().statusCode(200)
                .extract().asString());
        Map<String, Resource> served = new HashMap<>();
        for (JsonNode item : all) {
            Resource r = EventJson.mapper().treeToValue(item, Resource.class);
            served.put(r.id(), r);
        }
        assertThat(served).hasSize(total());
        SEED.forEach(r -> assertThat(served.get(r.id()).content()).isEqualTo(r.content()));
    }

    @Test
    void latexTableHasOneRowPerResourceWithItsFlags() {
        String tex = given().get("/export/catalog.tex").then().statusCode(200).extract().asString();
        assertThat(tex).contains("\\begin{longtable}", "\\end{longtable}",
                "Name & CT & X-ray & MRI & US & Metadata & Case review \\\\");
        List<String> rows = tex.lines().filter(l -> l.matches(".* & [YNU] & [YNU] & [YNU] & [YNU] & [YNU] & [YNU] \\\\\\\\"))
                .toList();
        assertThat(rows).hasSize(total());
        for (Resource r : SEED) {
            String expected = " & " + String.join(" & ", flags(r)) + " \\\\";
            assertThat(rows).anyMatch(l -> l.startsWith(latexName(r.name())) && l.endsWith(expected));
        }
    }

    @Test
    void bibtexHasOneMiscPerResource() {
        String bib = given().get("/export/catalog.bib").then().statusCode(200).extract().asString();
        assertThat(Pattern.compile("^@misc\\{", Pattern.MULTILINE).matcher(bib).results().count()).isEqualTo(total());
        SEED.forEach(r -> assertThat(bib).contains("@misc{" + r.id() + ",\n"));
    }

    @Test
    void jsonLdIsADataCatalogOfDatasets() throws Exception {
        JsonNode catalog = EventJson.mapper().readTree(given().get("/export/catalog.jsonld").then().statusCode(200)
                .contentType("application/ld+json").extract().asString());
        assertThat(catalog.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(catalog.get("@type").asText()).isEqualTo("DataCatalog");
        assertThat(catalog.get("dataset")).hasSize(total());
        List<String> ids = new ArrayList<>();
        catalog.get("dataset").forEach(d -> {
            assertThat(d.get("@type").asText()).isEqualTo("Dataset");
            // the catalog id first, then a PropertyValue per identifier (issue 15)
            ids.add(d.get("identifier").get(0).asText());
        });
        assertThat(ids).containsAll(SEED.stream().map(Resource::id).toList());
    }

    @Test
    void atomFeedParsesAndListsTheSeedChanges() throws Exception {
        byte[] xml = given().get("/feed.atom").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/atom+xml")).extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        assertThat(feed.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(feed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList ids = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id");
        String all = new String(xml, StandardCharsets.UTF_8);
        SEED.forEach(r -> assertThat(all).contains("/resources/" + r.id() + "#version-1"));
        assertThat(ids.getLength()).isGreaterThan(SEED.size());
        NodeList updated = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated");
        List<String> entryTimes = new ArrayList<>();
        for (int i = 1; i < updated.getLength(); i++) {
            entryTimes.add(updated.item(i).getTextContent());
        }
        assertThat(entryTimes).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void statsCountTheListedResources() {
        given().get("/api/v1/stats").then().statusCode(200)
                .body("resources", org.hamcrest.Matchers.is(total()))
                .body("figures.ct.Y", org.hamcrest.Matchers.greaterThanOrEqualTo(
                        (int) SEED.stream().filter(r -> flags(r).get(0).equals("Y")).count()));
        String html = given().get("/stats").then().statusCode(200).extract().asString();
        assertThat(html).contains("<svg", "role=\"img\"", "CT or X-ray", "Case review");
    }

    private static int total() {
        return given().get("/api/v1/resources?size=1").jsonPath().getInt("total");
    }

    private static List<String> flags(Resource r) {
        return List.of(Flag.values()).stream().map(f -> f.of(r).code()).toList();
    }

    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String latexName(String name) {
        return org.imagingcatalog.publicweb.export.Latex.escape(name);
    }
}
