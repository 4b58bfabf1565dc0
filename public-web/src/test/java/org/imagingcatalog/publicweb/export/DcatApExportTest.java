package org.imagingcatalog.publicweb.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;
import org.apache.jena.sparql.graph.GraphFactory;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 17, part 3: the DCAT-AP 3 export, read back by Jena and validated by Jena's SHACL engine against the shapes
 * written from the specification's tables ({@code shacl/dcat-ap-3.ttl}): the seed catalog breaks no mandatory rule,
 * an export without a dataset's title does, and the Turtle and the RDF/XML say exactly the same.
 */
@QuarkusTest
class DcatApExportTest {

    /** catalog.public-url in the tests */
    private static final String BASE = "http://localhost:8080";
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String DCT = "http://purl.org/dc/terms/";
    private static final Node TYPE = iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node DATASET = iri(DCAT + "Dataset");
    private static final Node TITLE = iri(DCT + "title");

    @BeforeEach
    void seed() {
        Seed.publishOnce();
    }

    @Test
    void theSeedCatalogBreaksNoMandatoryRuleOfDcatAp3() {
        Graph catalog = turtle("/export/catalog.ttl");
        ValidationReport report = ShaclValidator.get().validate(shapes(), catalog);
        assertThat(violations(report)).as("violations of DCAT-AP 3's mandatory rules").isEmpty();
        // the shapes did run: what the catalog cannot know (contact points, coverage) is reported as recommended
        assertThat(report.getEntries()).anyMatch(e -> e.severity() == Severity.Warning
                && e.resultPath().toString().contains(DCAT + "contactPoint"));
        assertThat(datasets(catalog)).containsAll(Seed.RESOURCES.stream().map(r -> BASE + "/resources/" + r.id()).toList());
    }

    @Test
    void anExportWithADatasetWithoutATitleFailsTheValidation() {
        Graph broken = turtle("/export/catalog.ttl");
        Node eurorad = iri(BASE + "/resources/eurorad");
        List<Triple> titles = broken.find(eurorad, TITLE, Node.ANY).toList();
        assertThat(titles).hasSize(1);
        titles.forEach(broken::delete);
        List<ReportEntry> violations = violations(ShaclValidator.get().validate(shapes(), broken));
        assertThat(violations).hasSize(1);
        assertThat(violations.get(0).focusNode()).isEqualTo(eurorad);
        assertThat(violations.get(0).resultPath().toString()).contains(DCT + "title");
    }

    @Test
    void turtleAndRdfXmlAreTheSameGraph() {
        Response ttl = given().get("/export/catalog.ttl");
        ttl.then().statusCode(200).contentType("text/turtle");
        Response rdf = given().get("/export/catalog.rdf");
        rdf.then().statusCode(200).contentType("application/rdf+xml");
        Graph fromTurtle = parse(ttl.asString(), Lang.TURTLE);
        Graph fromXml = parse(rdf.asString(), Lang.RDFXML);
        assertThat(fromXml.size()).isEqualTo(fromTurtle.size()).isGreaterThan(300);
        assertThat(fromXml.isIsomorphicWith(fromTurtle)).isTrue();
    }

    @Test
    void hostileTextAndAddressesComeBackAsTheSameTriplesInBothSyntaxes() {
        String word = Entries.unique("dcathostile");
        String id = Entries.unique("dcat-hostile");
        String name = "=cmd|' <script>alert(\"x\")</script> & ]]> \"\"\" @prefix";
        String description = "line one\r\nline two\ttab </rdf:RDF> ''' " + word;
        Resource hostile = new Resource(id, name, "https://example.org/?a=1&b=<x> y", description, "<b>Provider</b> & Co",
                new Modalities(Availability.Y, Availability.N, Availability.U, Availability.U), Availability.Y,
                Availability.N, "-1+2 <lic>", Access.OPEN, List.of("+PNG", "DICOM"), Counts.none(), List.of(),
                List.of(word, "<tag>"), null, null);
        Entries.publish(hostile);
        Entries.awaitVersion(id, 1);

        Graph fromTurtle = turtle("/export/catalog.ttl?q=" + word);
        Graph fromXml = parse(given().get("/export/catalog.rdf?q=" + word).then().statusCode(200).extract().asString(),
                Lang.RDFXML);
        assertThat(fromXml.isIsomorphicWith(fromTurtle)).isTrue();
        Node dataset = iri(BASE + "/resources/" + id);
        assertThat(objects(fromTurtle, dataset, DCT + "title")).containsExactly(name);
        assertThat(objects(fromTurtle, dataset, DCT + "description")).containsExactly(description);
        // an address with characters no IRI may hold is still the landing page and access URL, percent-encoded
        assertThat(objects(fromTurtle, dataset, DCAT + "landingPage"))
                .containsExactly("https://example.org/?a=1&b=%3Cx%3E%20y");
        assertThat(violations(ShaclValidator.get().validate(shapes(), fromTurtle))).isEmpty();
    }

    @Test
    void datasetsCarryLineageLicencesIdentifiersAndFormats() {
        Graph catalog = turtle("/export/catalog.ttl");
        Node radiography = iri(BASE + "/resources/covid-19-radiography-database");
        assertThat(objects(catalog, radiography, "http://www.w3.org/ns/prov#wasDerivedFrom")).containsExactlyInAnyOrder(
                BASE + "/resources/sirm-covid-19-database", BASE + "/resources/eurorad",
                BASE + "/resources/covid-chestxray-dataset", "https://bimcv.cipf.es/bimcv-projects/bimcv-covid19/",
                "https://github.com/ml-workgroup/covid-19-image-repository", "https://github.com/armiro/COVID-CXNet",
                "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge",
                "https://www.kaggle.com/paultimothymooney/chest-xray-pneumonia");
        assertThat(objects(catalog, radiography, DCT + "source"))
                .isEqualTo(objects(catalog, radiography, "http://www.w3.org/ns/prov#wasDerivedFrom"));
        assertThat(objects(catalog, radiography, DCAT + "theme"))
                .containsExactly("http://publications.europa.eu/resource/authority/data-theme/HEAL");
        assertThat(objects(catalog, radiography, DCAT + "keyword")).contains("X-ray");

        // an SPDX licence by its SPDX IRI; another licence as a licence document with its text
        Node eurorad = iri(BASE + "/resources/eurorad");
        Node euroradDistribution = iri(BASE + "/resources/eurorad#distribution-1");
        assertThat(objects(catalog, eurorad, DCAT + "distribution")).containsExactly(euroradDistribution.getURI());
        assertThat(objects(catalog, euroradDistribution, DCT + "license"))
                .containsExactly("http://spdx.org/licenses/CC-BY-NC-SA-4.0");
        assertThat(objects(catalog, euroradDistribution, DCT + "format"))
                .containsExactly("http://publications.europa.eu/resource/authority/file-type/JPEG");
        Node cordLicense = catalog.find(iri(BASE + "/resources/cord-19#distribution-1"), iri(DCT + "license"), Node.ANY)
                .next().getObject();
        assertThat(cordLicense.isBlank()).isTrue();
        assertThat(objects(catalog, cordLicense, "http://www.w3.org/2000/01/rdf-schema#label"))
                .containsExactly("LicenseRef-CORD-19");

        // a DOI as an ADMS identifier
        Node segmentation = iri(BASE + "/resources/covid-19-ct-lung-infection-segmentation");
        Set<String> notations = new HashSet<>();
        for (Triple identifier : catalog.find(segmentation, iri("http://www.w3.org/ns/adms#identifier"), Node.ANY).toList()) {
            notations.addAll(objects(catalog, identifier.getObject(), "http://www.w3.org/2004/02/skos/core#notation"));
        }
        assertThat(notations).contains("10.5281/zenodo.3757476", "2004.12537");
    }

    @Test
    void theExportTakesTheCatalogsFiltersAndItsCaching() {
        Set<String> expected = new HashSet<>(given().get("/export/catalog.json?ct=Y").jsonPath().getList("id"));
        Set<String> exported = new HashSet<>();
        datasets(turtle("/export/catalog.ttl?ct=Y")).forEach(iri -> exported.add(iri.substring((BASE + "/resources/").length())));
        assertThat(exported).isEqualTo(expected).contains("covid-ct").doesNotContain("cord-19");

        for (String path : List.of("/export/catalog.ttl", "/export/catalog.rdf")) {
            Response first = given().get(path);
            given().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(304);
            given().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);
            given().get(path + "?licence=CC0-1.0").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("licence"));
        }
    }

    // --- reading it back ---------------------------------------------------------------------------------------

    private static Graph turtle(String path) {
        return parse(given().get(path).then().statusCode(200).extract().asString(), Lang.TURTLE);
    }

    private static Graph parse(String text, Lang lang) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.create().fromString(text).lang(lang).base(BASE).parse(graph);
        return graph;
    }

    private static Shapes shapes() {
        try (InputStream in = DcatApExportTest.class.getResourceAsStream("/shacl/dcat-ap-3.ttl")) {
            Graph shapes = GraphFactory.createDefaultGraph();
            RDFParser.create().source(in).lang(Lang.TURTLE).parse(shapes);
            return Shapes.parse(shapes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<ReportEntry> violations(ValidationReport report) {
        return report.getEntries().stream().filter(e -> e.severity() == Severity.Violation).toList();
    }

    private static List<String> datasets(Graph graph) {
        return graph.find(Node.ANY, TYPE, DATASET).mapWith(t -> t.getSubject().getURI()).toList();
    }

    /** The IRIs or lexical forms of the subject's values of the property. */
    private static List<String> objects(Graph graph, Node subject, String property) {
        return graph.find(subject, iri(property), Node.ANY).mapWith(Triple::getObject)
                .mapWith(o -> o.isURI() ? o.getURI() : o.isLiteral() ? o.getLiteralLexicalForm() : o.toString()).toList();
    }

    private static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
