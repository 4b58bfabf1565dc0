package org.imagingcatalog.publicweb.releases;

import java.util.List;

/** One export of a release, as the release's page and the API link it: {@code /export/catalog.csv?release=NAME}. */
public record ReleaseExport(String key, String label, String note, String path) {

    /** Every export, in the order the catalog page lists them (plus DCAT-AP). */
    public static final List<ReleaseExport> ALL = List.of(
            new ReleaseExport("csv", "CSV", "spreadsheets", "/export/catalog.csv"),
            new ReleaseExport("json", "JSON", "an array of the resources", "/export/catalog.json"),
            new ReleaseExport("tex", "LaTeX table", "the survey's Table 1 layout", "/export/catalog.tex"),
            new ReleaseExport("bib", "BibTeX", "one entry per resource, for the table's citations", "/export/catalog.bib"),
            new ReleaseExport("jsonld", "JSON-LD", "schema.org DataCatalog", "/export/catalog.jsonld"),
            new ReleaseExport("ttl", "DCAT-AP (Turtle)", "for data portals", "/export/catalog.ttl"),
            new ReleaseExport("rdf", "DCAT-AP (RDF/XML)", "for data portals", "/export/catalog.rdf"));

    /** The export's address for this release (release names need no escaping in a query). */
    public String href(String release) {
        return path + "?" + ReleaseParameter.NAME + "=" + release;
    }
}
