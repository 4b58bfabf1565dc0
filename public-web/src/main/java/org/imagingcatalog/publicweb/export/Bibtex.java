package org.imagingcatalog.publicweb.export;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.publicweb.catalog.Entry;

/**
 * BibTeX for citing resources: one {@code @misc} per resource, keyed by its stable id, in the shape classic
 * BibTeX styles ({@code plain}, {@code unsrt}, {@code abbrv}, {@code alpha}) print well: the title as one
 * protected group, the provider as one corporate author (or a {@code key} where there is none), the URL in
 * {@code howpublished} (with the {@code url} package's command), and a note with the catalog's page and the
 * access date. There is no {@code year}: the model knows no dataset year yet, and the year the entry was
 * listed is not the dataset's. {@code url} is kept for the styles and tools that read it. {@link Latex#table}
 * cites every row with the same {@link #key(String)}.
 * <p>
 * A limit of 8-bit BibTeX remains with {@code alpha}-like styles, which label an entry by the first three
 * bytes of its author: a provider that starts with two non-ASCII letters (or a Greek letter or a LaTeX
 * special) can yield a broken label there. {@code plain}, {@code unsrt} and {@code abbrv} are not affected.
 */
public final class Bibtex {

    /**
     * Written once at the top of the export: if the paper loads neither {@code url} nor {@code hyperref},
     * the URL command still typesets (unbroken, in typewriter type) instead of stopping the compilation.
     */
    static final String PREAMBLE = "@preamble{\"\\providecommand{\\url}[1]{\\texttt{#1}}\"}\n\n";

    private Bibtex() {
    }

    /** Every entry, as accessed on {@code accessed} (the day of the export, UTC). */
    public static String all(List<Entry> entries, String base, LocalDate accessed) {
        StringBuilder out = new StringBuilder(PREAMBLE.length() + entries.size() * 400);
        all(entries, base, accessed, out);
        return out.toString();
    }

    /** The entries as they come, one {@code @misc} at a time, to {@code out}. */
    public static void all(Iterable<Entry> entries, String base, LocalDate accessed, Appendable out) {
        try {
            out.append(PREAMBLE);
            for (Entry entry : entries) {
                out.append(entry(entry, base, accessed)).append('\n');
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One entry, as accessed today (UTC). */
    public static String entry(Entry entry, String base) {
        return entry(entry, base, LocalDate.now(ZoneOffset.UTC));
    }

    public static String entry(Entry entry, String base, LocalDate accessed) {
        Resource r = entry.resource();
        StringBuilder out = new StringBuilder(400);
        out.append("@misc{").append(key(r.id())).append(",\n");
        // double braces: the name is kept as it is written (no case change), an institution is one name
        field(out, "title", "{" + text(r.name()) + "}");
        if (r.provider() != null && !r.provider().isBlank()) {
            field(out, "author", "{" + text(r.provider()) + "}");
        } else {
            field(out, "key", text(r.name())); // what classic styles sort and label by when there is no author
        }
        field(out, "howpublished", "\\url{" + url(r.url()) + "}");
        field(out, "url", url(r.url()));
        String version = r.version() == null ? "" : "Version " + r.version() + ". ";
        field(out, "note", version + "Listed in the Imaging Data Catalog as \\url{" + url(base + "/resources/" + r.id())
                + "}. Accessed " + accessed);
        out.append("}\n");
        return out.toString();
    }

    /** A key BibTeX accepts, the same for a resource forever (it is made from the id alone). */
    static String key(String id) {
        return id.replaceAll("[^A-Za-z0-9:_-]", "-");
    }

    /**
     * Text for a field: as in the table ({@link Latex#breakable}, so a long "word" cannot run past the line),
     * but with braces spelt out, since BibTeX counts every brace, escaped or not, and an unbalanced one would
     * end the field (or the file) early.
     */
    static String text(String text) {
        return Latex.breakable(text).replace("\\{", "\\textbraceleft{}").replace("\\}", "\\textbraceright{}");
    }

    /**
     * URLs stay readable; what would unbalance or break a BibTeX field or the {@code url} package's command (backslash, braces,
     * whitespace, control and non-ASCII characters) is percent-encoded, the latter as UTF-8.
     */
    static String url(String url) {
        if (url == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c >= 0x7f || c == '\\' || c == '{' || c == '}') {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }
}
