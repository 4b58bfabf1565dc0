package org.imagingcatalog.publicweb.export;

import org.imagingcatalog.publicweb.releases.Release;

/**
 * How to cite a named release of the catalog: as text, in the style data citations take ("Creator (Year). Title
 * [Data set]. Address"), and as one BibTeX {@code @misc} that classic styles print well (the curators as one corporate
 * author, the title protected, the address in {@code howpublished} and {@code url}, the version and the cut date in a
 * note). The same on the release's page and in the API.
 */
public final class ReleaseCitation {

    /** Who answers for the catalog's content, as a citation's author. */
    public static final String CREATOR = SchemaOrg.CATALOG_NAME + " curators";

    private ReleaseCitation() {
    }

    /** "Imaging Data Catalog, release 2026.1". */
    public static String title(Release release) {
        return SchemaOrg.CATALOG_NAME + ", release " + release.name();
    }

    /** The release's page, the address a citation gives. */
    public static String url(String base, Release release) {
        return base + "/releases/" + release.name();
    }

    public static String text(String base, Release release) {
        return CREATOR + " (" + release.cutDate().getYear() + "). " + title(release) + " [Data set]. "
                + url(base, release);
    }

    /** A key BibTeX accepts, the same for a release forever: {@code imagingdatacatalog_2026_1}. */
    public static String key(Release release) {
        return "imagingdatacatalog_" + release.name().replaceAll("[^A-Za-z0-9]", "_");
    }

    public static String bibtex(String base, Release release) {
        String url = Bibtex.url(url(base, release));
        return "@misc{" + key(release) + ",\n"
                + "  author = {{" + Bibtex.text(CREATOR) + "}},\n"
                + "  title = {{" + Bibtex.text(title(release)) + "}},\n"
                + "  year = {" + release.cutDate().getYear() + "},\n"
                + "  version = {" + Bibtex.text(release.name()) + "},\n"
                + "  howpublished = {\\url{" + url + "}},\n"
                + "  url = {" + url + "},\n"
                + "  note = {Data set. Release " + Bibtex.text(release.name()) + ", cut on " + release.cutDate() + ", "
                + release.entryCount() + (release.entryCount() == 1 ? " entry" : " entries") + " ("
                + release.listedCount() + " listed)}\n"
                + "}\n";
    }
}
