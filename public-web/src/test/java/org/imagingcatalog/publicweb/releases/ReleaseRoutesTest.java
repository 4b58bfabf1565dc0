package org.imagingcatalog.publicweb.releases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Releasing;
import org.imagingcatalog.publicweb.support.Releasing.Cut;
import org.imagingcatalog.publicweb.web.SiteConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Issue 17, part 1: the release routes answer like the catalog's: 404 for a release nobody cut (problem+json for
 * programs, a page for people), 400 naming {@code release} when an export mixes it with a filter, 400 for any query
 * parameter of the API, ETag and 304; a release cites itself as text and BibTeX and describes itself in DataCite XML
 * with the schema's mandatory properties.
 */
@QuarkusTest
class ReleaseRoutesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String DATACITE = "http://datacite.org/schema/kernel-4";
    private static final String[] EXPORTS = {"csv", "json", "tex", "bib", "jsonld", "ttl", "rdf"};

    private static String name;
    private static String previous;
    private static String entry;

    @Inject
    SiteConfig site;

    /** Two releases, cut once for every test of the class (on the first test's request, when the app is up). */
    @BeforeEach
    void cutTwoReleasesOnce() {
        if (name != null) {
            return;
        }
        entry = Entries.unique("routes");
        var resource = Entries.resource(entry, "Routes " + entry, "YNNNYU", "cited", List.of(entry));
        previous = Entries.unique("r");
        Releasing.publish(new Cut(previous, null, Instant.parse("2026-01-15T08:00:00Z"), null, 1),
                List.of(Releasing.frozen(resource, 1, ResourceStatus.ACTIVE)), 1);
        // a dot and an underscore: a name as curators write it, with a character BibTeX must escape
        name = "2026_" + Entries.unique("t").substring(2, 8) + ".1";
        Releasing.publish(new Cut(name, "Notes with <angle> & \"quotes\".", Instant.parse("2026-02-20T08:00:00Z"),
                previous, 1), List.of(Releasing.frozen(resource, 1, ResourceStatus.ACTIVE)), 1);
    }

    @Test
    void anUnknownReleaseIsNotFoundOnEveryRoute() {
        String nobody = Entries.unique("nobody");
        for (String path : List.of("/api/v1/releases/" + nobody, "/api/v1/releases/" + nobody + "/datacite.xml",
                "/api/v1/releases/" + nobody + "/diff/" + name, "/api/v1/releases/" + name + "/diff/" + nobody,
                "/api/v1/releases/-no/diff/" + name)) {
            given().get(path).then().statusCode(404).contentType(PROBLEM).body("type", containsString("not-found"));
        }
        for (String format : EXPORTS) {
            given().get("/export/catalog." + format + "?release=" + nobody).then().statusCode(404).contentType(PROBLEM)
                    .body("detail", containsString(nobody));
        }
        given().get("/releases/" + nobody).then().statusCode(404).contentType("text/html");
        // a name no release may have: 404 on a path, without asking the database; 400 as a query parameter
        given().get("/api/v1/releases/-no").then().statusCode(404).contentType(PROBLEM);
        given().get("/api/v1/releases/" + "x".repeat(41) + "/datacite.xml").then().statusCode(404);
        given().get("/releases/_x").then().statusCode(404).contentType("text/html");
        given().get("/export/catalog.csv?release=_x").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("release"));
        given().get("/export/catalog.csv?release=" + "a".repeat(41)).then().statusCode(400)
                .body("errors[0].field", is("release"));
    }

    @Test
    void aReleaseIsExportedWholeNotFiltered() {
        given().get("/export/catalog.csv?release=" + name + "&ct=Y&q=lung").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("release"))
                .body("errors[0].message", containsString("cannot be combined with q, ct"))
                .body("errors.size()", is(1));
        given().get("/export/catalog.tex?release=" + name + "&rtPcrOnly=true").then().statusCode(400)
                .body("errors[0].field", is("release"));
        // the order, the paging the exports ignore, a blank filter and the LaTeX table's own column are fine
        given().get("/export/catalog.csv?release=" + name + "&sort=provider&page=2&size=10&ct=").then().statusCode(200);
        given().get("/export/catalog.tex?release=" + name + "&riskOfBias=true").then().statusCode(200)
                .body(containsString("RoB"));
        // release= blank is the current catalog
        given().get("/export/catalog.csv?release=").then().statusCode(200);
        given().get("/export/catalog.csv?releases=" + name).then().statusCode(400)
                .body("errors[0].field", is("releases"))
                .body("errors[0].message", containsString("did you mean \"release\""));
    }

    @Test
    void theApiTakesNoQueryParameterAndAnswersWithValidators() {
        given().get("/api/v1/releases?page=2").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("page"));
        given().get("/api/v1/releases/" + name + "?format=xml").then().statusCode(400);
        given().get("/api/v1/releases/" + previous + "/diff/" + name + "?x=1").then().statusCode(400);
        given().get("/api/v1/releases/" + name + "/datacite.xml?x=1").then().statusCode(400);

        for (String path : List.of("/api/v1/releases", "/api/v1/releases/" + name, "/releases", "/releases/" + name,
                "/api/v1/releases/" + name + "/datacite.xml", "/export/catalog.bib?release=" + name)) {
            String etag = given().get(path).then().statusCode(200).extract().header("ETag");
            assertThat(etag).as(path).isNotBlank();
            given().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
    }

    @Test
    void aReleaseCitesItselfAndLinksItsExports() {
        JsonPath list = given().get("/api/v1/releases").then().statusCode(200).extract().jsonPath();
        List<String> names = list.getList("releases.name");
        assertThat(names).contains(name, previous);
        assertThat(names.indexOf(name)).as("newest first").isLessThan(names.indexOf(previous));

        JsonPath release = given().get("/api/v1/releases/" + name).then().statusCode(200).extract().jsonPath();
        String base = site.base();
        String key = "imagingdatacatalog_" + name.replaceAll("[^A-Za-z0-9]", "_");
        assertThat(release.getString("notes")).isEqualTo("Notes with <angle> & \"quotes\".");
        assertThat(release.getString("cutAt")).isEqualTo("2026-02-20T08:00:00Z");
        assertThat(release.getString("citation.text")).isEqualTo("Imaging Data Catalog curators (2026). Imaging Data"
                + " Catalog, release " + name + " [Data set]. " + base + "/releases/" + name);
        assertThat(release.getString("citation.bibtex")).startsWith("@misc{" + key + ",\n")
                .contains("  year = {2026},\n", "  url = {" + base + "/releases/" + name + "},\n",
                        "  title = {{Imaging Data Catalog, release " + name.replace("_", "\\_") + "}},\n");
        for (String format : EXPORTS) {
            assertThat(release.getString("exports." + format)).isEqualTo(base + "/export/catalog." + format + "?release="
                    + name);
        }
        assertThat(release.getString("links.datacite")).isEqualTo(base + "/api/v1/releases/" + name + "/datacite.xml");
        assertThat(release.getString("links.page")).isEqualTo(base + "/releases/" + name);

        String page = given().get("/releases/" + name).then().statusCode(200).extract().asString();
        assertThat(page).contains("<h1>Release " + name + "</h1>",
                "<time datetime=\"2026-02-20T08:00:00Z\">20 February 2026</time>",
                "<p id=\"citation\">Imaging Data Catalog curators (2026). Imaging Data Catalog, release " + name,
                "<pre id=\"bibtex\">@misc{" + key + ",",
                "<a id=\"datacite\" href=\"/api/v1/releases/" + name + "/datacite.xml\">",
                "<p>Notes with &lt;angle&gt; &amp; &quot;quotes&quot;.</p>",
                "<a href=\"/releases\" aria-current=\"page\">Releases</a>");
        for (String format : EXPORTS) {
            assertThat(page).contains("<a href=\"/export/catalog." + format + "?release=" + name + "\">");
        }
        assertThat(given().get("/releases").then().statusCode(200).extract().asString())
                .contains("<a href=\"/releases/" + name + "\">Release " + name + "</a>",
                        "Notes with &lt;angle&gt; &amp; &quot;quotes&quot;.")
                .doesNotContain("No release has been cut yet");
        assertThat(given().get("/").then().statusCode(200).extract().asString())
                .contains("<a href=\"/releases\">Releases</a>");
    }

    @Test
    void theDataCiteXmlIsWellFormedWithTheMandatoryProperties() throws Exception {
        byte[] xml = given().get("/api/v1/releases/" + name + "/datacite.xml").then().statusCode(200)
                .contentType("application/xml").extract().asByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element resource = document.getDocumentElement();
        assertThat(resource.getLocalName()).isEqualTo("resource");
        assertThat(resource.getNamespaceURI()).isEqualTo(DATACITE);
        assertThat(resource.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation"))
                .startsWith(DATACITE + " ").contains("kernel-4.5");

        String base = site.base();
        assertThat(only(resource, "creatorName").getTextContent()).isEqualTo("Imaging Data Catalog curators");
        assertThat(only(resource, "creatorName").getAttribute("nameType")).isEqualTo("Organizational");
        assertThat(only(resource, "title").getTextContent()).isEqualTo("Imaging Data Catalog, release " + name);
        assertThat(only(resource, "publisher").getTextContent()).isEqualTo("Imaging Data Catalog");
        assertThat(only(resource, "publicationYear").getTextContent()).isEqualTo("2026");
        assertThat(only(resource, "resourceType").getAttribute("resourceTypeGeneral")).isEqualTo("Dataset");
        // no DOI yet: no identifier (a placeholder would be a false DOI); the page is the alternate identifier
        assertThat(resource.getElementsByTagNameNS(DATACITE, "identifier").getLength()).isZero();
        Element alternate = only(resource, "alternateIdentifier");
        assertThat(alternate.getAttribute("alternateIdentifierType")).isEqualTo("URL");
        assertThat(alternate.getTextContent()).isEqualTo(base + "/releases/" + name);
        Element issued = only(resource, "date");
        assertThat(issued.getAttribute("dateType")).isEqualTo("Issued");
        assertThat(issued.getTextContent()).isEqualTo("2026-02-20");
        assertThat(only(resource, "version").getTextContent()).isEqualTo(name);
        Element related = only(resource, "relatedIdentifier");
        assertThat(related.getAttribute("relationType")).isEqualTo("IsNewVersionOf");
        assertThat(related.getAttribute("relatedIdentifierType")).isEqualTo("URL");
        assertThat(related.getTextContent()).isEqualTo(base + "/releases/" + previous);
        Element rights = only(resource, "rights");
        assertThat(rights.getAttribute("rightsIdentifier")).isEqualTo("CC0-1.0");
        assertThat(rights.getAttribute("rightsIdentifierScheme")).isEqualTo("SPDX");
        assertThat(only(resource, "description").getTextContent()).isEqualTo("Notes with <angle> & \"quotes\".");
        assertThat(only(resource, "description").getAttribute("descriptionType")).isEqualTo("Abstract");
        assertThat(resource.getElementsByTagNameNS(DATACITE, "size").item(0).getTextContent()).isEqualTo("1 entry");
        assertThat(resource.getElementsByTagNameNS(DATACITE, "format").getLength()).isEqualTo(EXPORTS.length);
        // the first release has no previous one to point to
        byte[] first = given().get("/api/v1/releases/" + previous + "/datacite.xml").then().statusCode(200).extract()
                .asByteArray();
        assertThat(factory.newDocumentBuilder().parse(new ByteArrayInputStream(first)).getDocumentElement()
                .getElementsByTagNameNS(DATACITE, "relatedIdentifier").getLength()).isZero();
    }

    private static Element only(Element root, String localName) {
        NodeList nodes = root.getElementsByTagNameNS(DATACITE, localName);
        assertThat(nodes.getLength()).as(localName).isEqualTo(1);
        return (Element) nodes.item(0);
    }
}
