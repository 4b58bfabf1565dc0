package org.imagingcatalog.publicweb.export;

import java.util.List;

import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Flag;

/** The catalog in the survey's Table 1 layout, as a LaTeX {@code tabular} ready to {@code \input}. */
public final class Latex {

    private Latex() {
    }

    public static String table(List<Entry> entries) {
        StringBuilder out = new StringBuilder(512 + entries.size() * 96);
        out.append("% Imaging Data Catalog: public medical imaging data resources (Table 1 layout).\n")
                .append("% Y = yes, N = no, U = unknown. Use with \\input{catalog.tex}.\n")
                .append("\\begin{tabular}{lcccccc}\n\\hline\n")
                .append("Name & CT & X-ray & MRI & US & Metadata & Case review \\\\\n\\hline\n");
        for (Entry entry : entries) {
            out.append(escape(entry.resource().name()));
            for (Flag flag : Flag.values()) {
                out.append(" & ").append(flag.of(entry.resource()).code());
            }
            out.append(" \\\\\n");
        }
        return out.append("\\hline\n\\end{tabular}\n").toString();
    }

    /** Text as LaTeX prints it literally: every special character escaped, line breaks flattened. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                case '<' -> out.append("\\textless{}");
                case '>' -> out.append("\\textgreater{}");
                case '|' -> out.append("\\textbar{}");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
