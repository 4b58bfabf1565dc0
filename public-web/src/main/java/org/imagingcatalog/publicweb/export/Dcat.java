package org.imagingcatalog.publicweb.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The terms of DCAT-AP 3 the catalog's export uses, and the prefixes it writes them with. Jena nodes: loading this
 * class loads Jena, which only the DCAT export does.
 */
final class Dcat {

    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String DCATAP = "http://data.europa.eu/r5r/";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String ADMS = "http://www.w3.org/ns/adms#";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String PROV = "http://www.w3.org/ns/prov#";
    static final String OWL = "http://www.w3.org/2002/07/owl#";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** The EU Publications Office's authority tables DCAT-AP names for themes, languages, access rights, file types. */
    static final String EU_AUTHORITY = "http://publications.europa.eu/resource/authority/";
    static final String SPDX_LICENSES = "http://spdx.org/licenses/";
    static final String IANA_MEDIA_TYPES = "http://www.iana.org/assignments/media-types/";

    /** Prefix to namespace, in the order the export declares them. */
    static final Map<String, String> PREFIXES = orderedPrefixes();

    static final Node TYPE = iri(RDF + "type");
    static final Node LABEL = iri(RDFS + "label");

    static final Node CATALOG = iri(DCAT + "Catalog");
    static final Node DATASET = iri(DCAT + "Dataset");
    static final Node DISTRIBUTION = iri(DCAT + "Distribution");
    static final Node DATASET_PROPERTY = iri(DCAT + "dataset");
    static final Node DISTRIBUTION_PROPERTY = iri(DCAT + "distribution");
    static final Node ACCESS_URL = iri(DCAT + "accessURL");
    static final Node LANDING_PAGE = iri(DCAT + "landingPage");
    static final Node KEYWORD = iri(DCAT + "keyword");
    static final Node THEME = iri(DCAT + "theme");
    static final Node THEME_TAXONOMY = iri(DCAT + "themeTaxonomy");
    static final Node MEDIA_TYPE = iri(DCAT + "mediaType");
    static final Node VERSION = iri(DCAT + "version");

    static final Node TITLE = iri(DCT + "title");
    static final Node DESCRIPTION = iri(DCT + "description");
    static final Node PUBLISHER = iri(DCT + "publisher");
    static final Node IDENTIFIER = iri(DCT + "identifier");
    static final Node MODIFIED = iri(DCT + "modified");
    static final Node LANGUAGE = iri(DCT + "language");
    static final Node LICENSE = iri(DCT + "license");
    static final Node LICENSE_DOCUMENT = iri(DCT + "LicenseDocument");
    static final Node FORMAT = iri(DCT + "format");
    static final Node MEDIA_TYPE_OR_EXTENT = iri(DCT + "MediaTypeOrExtent");
    static final Node ACCESS_RIGHTS = iri(DCT + "accessRights");
    static final Node SOURCE = iri(DCT + "source");
    static final Node RELATION = iri(DCT + "relation");

    static final Node AGENT = iri(FOAF + "Agent");
    static final Node NAME = iri(FOAF + "name");
    static final Node HOMEPAGE = iri(FOAF + "homepage");
    static final Node DOCUMENT = iri(FOAF + "Document");

    static final Node ADMS_IDENTIFIER = iri(ADMS + "identifier");
    static final Node IDENTIFIER_CLASS = iri(ADMS + "Identifier");
    static final Node SCHEME_AGENCY = iri(ADMS + "schemeAgency");
    static final Node VERSION_NOTES = iri(ADMS + "versionNotes");
    static final Node NOTATION = iri(SKOS + "notation");
    static final Node WAS_DERIVED_FROM = iri(PROV + "wasDerivedFrom");
    static final Node VERSION_INFO = iri(OWL + "versionInfo");

    static final Node HEALTH = iri(EU_AUTHORITY + "data-theme/HEAL");
    static final Node DATA_THEMES = iri(EU_AUTHORITY + "data-theme");
    static final Node ENGLISH = iri(EU_AUTHORITY + "language/ENG");
    static final Node PUBLIC = iri(EU_AUTHORITY + "access-right/PUBLIC");
    static final Node RESTRICTED = iri(EU_AUTHORITY + "access-right/RESTRICTED");

    private Dcat() {
    }

    static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Map<String, String> orderedPrefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("dcat", DCAT);
        prefixes.put("dct", DCT);
        prefixes.put("dcatap", DCATAP);
        prefixes.put("foaf", FOAF);
        prefixes.put("adms", ADMS);
        prefixes.put("skos", SKOS);
        prefixes.put("prov", PROV);
        prefixes.put("owl", OWL);
        prefixes.put("rdf", RDF);
        prefixes.put("rdfs", RDFS);
        prefixes.put("xsd", XSD);
        return Collections.unmodifiableMap(prefixes);
    }
}
