package org.imagingcatalog.publicweb.export;

import java.time.ZoneOffset;
import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.publicweb.catalog.Entry;

/** BibTeX for citing resources: one {@code @misc} per resource, keyed by its stable id. */
public final class Bibtex {

    private Bibtex() {
    }

    public static String all(List<Entry> entries, String base) {
        StringBuilder out = new StringBuilder(entries.size() * 400);
        for (Entry entry : entries) {
            out.append(entry(entry, base)).append('\n');
        }
        return out.toString();
    }

    public static String entry(Entry entry, String base) {
        Resource r = entry.resource();
        StringBuilder out = new StringBuilder(400);
        out.append("@misc{").append(key(r.id())).append(",\n");
        field(out, "title", "{" + Latex.escape(r.name()) + "}");
        if (r.provider() != null && !r.provider().isBlank()) {
            // double braces: an institution is one name, not a list of persons
            field(out, "author", "{" + Latex.escape(r.provider()) + "}");
        }
        field(out, "year", Integer.toString(entry.updatedAt().atZone(ZoneOffset.UTC).getYear()));
        field(out, "url", url(r.url()));
        field(out, "note", Latex.escape("Version " + r.version() + ". Listed in the Imaging Data Catalog as "
                + r.id() + ": ") + url(base + "/resources/" + r.id()));
        out.append("}\n");
        return out.toString();
    }

    /** A key BibTeX accepts, the same for a resource forever (it is made from the id alone). */
    static String key(String id) {
        return id.replaceAll("[^A-Za-z0-9:_-]", "-");
    }

    /** URLs stay readable; only what would unbalance or break a BibTeX field is percent-encoded. */
    static String url(String url) {
        if (url == null) {
            return "";
        }
        return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replaceAll("\\s", "%20");
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }
}
