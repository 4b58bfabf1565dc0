package org.imagingcatalog.publicweb.export;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.imagingcatalog.publicweb.catalog.Flag;

/**
 * The catalog in the survey's Table 1 layout, as a LaTeX {@code longtable} ready to {@code \input} into a
 * paper: it breaks across pages, its name column wraps, its Y/N/U columns are centred, every row cites its
 * resource by the key the BibTeX export gives it ({@link Bibtex#key(String)}), and its caption names the
 * catalog and the date. It needs the {@code longtable} and {@code array} packages only (both in Debian's
 * {@code texlive-latex-base}); {@code LatexPaperTest} compiles it as an author would.
 */
public final class Latex {

    /** The table's label, for {@code \ref}. */
    public static final String LABEL = "tab:imaging-data-catalog";

    /** The longest run of characters a name cell keeps without a line-break opportunity. */
    static final int MAX_UNBROKEN = 16;

    private static final String HEADER = "Name & CT & X-ray & MRI & US & Metadata & Case review";
    /** The heading of the risk-of-bias column. */
    static final String RISK_HEADING = "RoB";

    private Latex() {
    }

    public static String table(Iterable<Entry> entries, LocalDate asOf) {
        return table(entries, asOf, null);
    }

    /**
     * The table of {@code entries} as of {@code asOf}; {@code release}, when not null, names the catalog
     * release the entries come from.
     */
    public static String table(Iterable<Entry> entries, LocalDate asOf, String release) {
        return table(entries, asOf, release, false);
    }

    /**
     * The table, and with {@code riskOfBias} one more centred column, "RoB": each entry's worst risk of bias over
     * the domains assessed, {@code H} high, {@code U} unclear, {@code L} low, or an en dash when none is.
     */
    public static String table(Iterable<Entry> entries, LocalDate asOf, String release, boolean riskOfBias) {
        // the rows first: the opening comment counts them, and they are far smaller than the entries they come from
        StringBuilder rows = new StringBuilder(4096);
        int count = 0;
        for (Entry entry : entries) {
            String name = breakable(entry.resource().name());
            rows.append(name).append(name.isEmpty() ? "" : "~").append("\\cite{")
                    .append(Bibtex.key(entry.resource().id())).append('}');
            for (Flag flag : Flag.values()) {
                rows.append(" & ").append(flag.of(entry.resource()).code());
            }
            if (riskOfBias) {
                rows.append(" & ").append(worstRisk(entry.resource().riskOfBias()));
            }
            rows.append(" \\\\\n");
            count++;
        }
        String header = HEADER + (riskOfBias ? " & " + RISK_HEADING : "") + " \\\\\n";
        int columns = riskOfBias ? 8 : 7;
        String catalog = "Imaging Data Catalog" + (release == null || release.isBlank() ? "" : ", release " + escape(release));
        String title = catalog + ": public medical imaging data resources, as of " + asOf;
        String caption = catalog + ": public medical imaging data resources, as of \\mbox{" + asOf + "}";
        StringBuilder out = new StringBuilder(2048 + rows.length());
        out.append("% ").append(title).append(" (").append(count)
                .append(count == 1 ? " entry" : " entries").append(").\n")
                .append("% Y = yes, N = no, U = unknown. Each row cites its resource: \\cite{key} with the key of\n")
                .append("% its entry in the catalog's BibTeX export (catalog.bib).\n")
                .append("% In a pdfLaTeX paper (all packages are in Debian's texlive-latex-base):\n")
                .append("%   \\usepackage{longtable,array}  % for this table\n")
                .append("%   \\usepackage{url}              % for the URLs in catalog.bib\n")
                .append("%   \\input{catalog.tex}           % in one-column text, not inside a table float\n")
                .append("%   \\bibliography{catalog}        % with e.g. \\bibliographystyle{plain}\n")
                .append("% Refer to it as Table~\\ref{").append(LABEL).append("}. Run pdflatex, bibtex, then pdflatex twice.\n")
                .append("% Characters the standard pdfLaTeX fonts cannot set (CJK, emoji, ...) appear as ?.\n")
                // A group: the smaller type, tighter columns and lengths stay inside the table.
                .append("\\begingroup\n\\small\n\\setlength{\\tabcolsep}{4pt}\n\\setlength{\\LTcapwidth}{\\linewidth}\n")
                .append("\\ifdefined\\catalogNameWidth\\else\\newlength{\\catalogNameWidth}\\fi\n")
                .append("\\ifdefined\\catalogReviewWidth\\else\\newlength{\\catalogReviewWidth}\\fi\n")
                // The flag columns are as wide as their headings ("Case review" wraps to two lines); the
                // name column takes the rest of the line, less 1pt of slack, so the table never overflows.
                .append("\\settowidth{\\catalogReviewWidth}{review}\n")
                .append("\\settowidth{\\catalogNameWidth}{CT{}X-ray{}MRI{}US{}Metadata")
                .append(riskOfBias ? "{}" + RISK_HEADING : "").append("}\n")
                .append("\\setlength{\\catalogNameWidth}{\\dimexpr\\linewidth-\\catalogNameWidth")
                .append("-\\catalogReviewWidth-").append(2 * (columns - 1)).append("\\tabcolsep-1pt\\relax}\n")
                .append("\\begin{longtable}{@{}>{\\raggedright\\arraybackslash}p{\\catalogNameWidth}")
                .append("ccccc>{\\centering\\arraybackslash}p{\\catalogReviewWidth}").append(riskOfBias ? "c" : "")
                .append("@{}}\n")
                .append("\\caption[{").append(caption).append("}]{").append(caption)
                .append(". Y = yes, N = no, U = unknown.")
                .append(riskOfBias ? " " + RISK_HEADING + ": the worst risk of bias over the assessed domains (after"
                        + " PROBAST), H = high, U = unclear, L = low, -- = not assessed." : "")
                .append("}\\label{").append(LABEL).append("}\\\\\n")
                .append("\\hline\n").append(header).append("\\hline\n\\endfirsthead\n")
                .append("\\caption[]{").append(catalog).append(" (continued)}\\\\\n")
                .append("\\hline\n").append(header).append("\\hline\n\\endhead\n")
                .append("\\hline\n\\multicolumn{").append(columns).append("}{@{}r@{}}{\\footnotesize continued on the next page}\\\\\n\\endfoot\n")
                .append("\\hline\n\\endlastfoot\n");
        return out.append(rows).append("\\end{longtable}\n\\endgroup\n").toString();
    }

    /** H, U or L: the worst risk over the assessed domains (high, then unclear, then low); "--" when none is. */
    static String worstRisk(RiskOfBias riskOfBias) {
        Risk worst = null;
        for (RiskDomain domain : RiskDomain.values()) {
            RiskJudgement judgement = riskOfBias.get(domain);
            Risk risk = judgement == null ? null : judgement.risk();
            if (risk != null && (worst == null || severity(risk) > severity(worst))) {
                worst = risk;
            }
        }
        if (worst == null) {
            return "--";
        }
        return switch (worst) {
            case HIGH -> "H";
            case UNCLEAR -> "U";
            case LOW -> "L";
        };
    }

    private static int severity(Risk risk) {
        return switch (risk) {
            case LOW -> 0;
            case UNCLEAR -> 1;
            case HIGH -> 2;
        };
    }

    /**
     * Text as {@link #escape} gives it, with a line-break opportunity ({@code \allowbreak}) in any run of
     * more than {@link #MAX_UNBROKEN} characters that has none (after a slash, dot, underscore and the like
     * first; TeX breaks after a hyphen by itself), so that no "word" can run past the name column or a line
     * of the bibliography. Shorter words are left whole.
     */
    static String breakable(String text) {
        if (text == null) {
            return "";
        }
        int[] cps = Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().toArray();
        StringBuilder out = new StringBuilder(cps.length + 16);
        int run = 0;
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (isSpace(cp)) {
                run = 0;
            } else if (run == 0 && runLength(cps, i) <= MAX_UNBROKEN) {
                run = Integer.MIN_VALUE; // a short word: nothing to insert until the next space
            } else {
                run++;
            }
            appendEscaped(out, cp);
            boolean more = i + 1 < cps.length && !isSpace(cps[i + 1]);
            if (cp == '-' && run > 0) {
                run = 0; // TeX may break after an explicit hyphen: nothing to add
            } else if (more && run > 0 && (run >= MAX_UNBROKEN || BREAK_AFTER.indexOf(cp) >= 0)) {
                out.append("\\allowbreak{}");
                run = 0;
            }
        }
        return out.toString();
    }

    /** Where a long run of characters breaks first: after these. */
    private static final String BREAK_AFTER = "/._:,;+=&|\\";

    private static int runLength(int[] cps, int from) {
        int end = from;
        while (end < cps.length && !isSpace(cps[end])) {
            end++;
        }
        return end - from;
    }

    /** Text as LaTeX prints it literally: every special character escaped, line breaks flattened. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(cp -> appendEscaped(out, cp));
        return out.toString();
    }

    /**
     * Non-ASCII characters pdfLaTeX typesets with its standard fonts and encodings (OT1 text, the default,
     * and T1 alike; {@code inputenc}'s UTF-8, the default since 2018, maps them), written as they are:
     * Latin letters with their accents, and typographic dashes, quotes and spaces. Checked by compiling.
     */
    static final String AS_IS = "\u00a0¡¿‐‑‒–—―‘’“”…"
            + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ"
            + "ĀāĂăĆćĈĉĊċČčĎďĒēĔĕĖėĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭİıĲĳĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŒœŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŴŵŶŷŸŹźŻżŽž"
            + "ǄǅǆǇǈǉǊǋǌǍǎǏǐǑǒǓǔǢǣǦǧǨǩǰǴǵȘșȚțȲȳ";

    /**
     * Other characters with a safe spelling that needs no extra package or font: Greek letters and a few
     * symbols in math, a few letters and signs in plain ASCII. Greek accents are dropped (the base letter is
     * looked up here after decomposition).
     */
    static final Map<Integer, String> SPELLED = Map.ofEntries(
            greek('α', "\\alpha"), greek('β', "\\beta"), greek('γ', "\\gamma"), greek('δ', "\\delta"),
            greek('ε', "\\varepsilon"), greek('ζ', "\\zeta"), greek('η', "\\eta"), greek('θ', "\\theta"),
            greek('ι', "\\iota"), greek('κ', "\\kappa"), greek('λ', "\\lambda"), greek('μ', "\\mu"),
            greek('ν', "\\nu"), greek('ξ', "\\xi"), greek('ο', "o"), greek('π', "\\pi"), greek('ρ', "\\rho"),
            greek('ς', "\\varsigma"), greek('σ', "\\sigma"), greek('τ', "\\tau"), greek('υ', "\\upsilon"),
            greek('φ', "\\varphi"), greek('χ', "\\chi"), greek('ψ', "\\psi"), greek('ω', "\\omega"),
            greek('Γ', "\\Gamma"), greek('Δ', "\\Delta"), greek('Θ', "\\Theta"), greek('Λ', "\\Lambda"),
            greek('Ξ', "\\Xi"), greek('Π', "\\Pi"), greek('Σ', "\\Sigma"), greek('Υ', "\\Upsilon"),
            greek('Φ', "\\Phi"), greek('Ψ', "\\Psi"), greek('Ω', "\\Omega"), greek('\u00b5', "\\mu"),
            greek('\u2126', "\\Omega"), greek('±', "\\pm"), greek('×', "\\times"), greek('÷', "\\div"),
            greek('°', "{}^\\circ"), greek('·', "\\cdot"), greek('•', "\\bullet"), greek('†', "\\dagger"),
            greek('‡', "\\ddagger"), greek('¹', "{}^1"), greek('²', "{}^2"), greek('³', "{}^3"),
            greek('≤', "\\leq"), greek('≥', "\\geq"), greek('≈', "\\approx"), greek('→', "\\rightarrow"),
            greek('←', "\\leftarrow"), greek('∞', "\\infty"),
            Map.entry((int) 'Α', "A"), Map.entry((int) 'Β', "B"), Map.entry((int) 'Ε', "E"), Map.entry((int) 'Ζ', "Z"),
            Map.entry((int) 'Η', "H"), Map.entry((int) 'Ι', "I"), Map.entry((int) 'Κ', "K"), Map.entry((int) 'Μ', "M"),
            Map.entry((int) 'Ν', "N"), Map.entry((int) 'Ο', "O"), Map.entry((int) 'Ρ', "P"), Map.entry((int) 'Τ', "T"),
            Map.entry((int) 'Χ', "X"), Map.entry((int) 'Ð', "D"), Map.entry((int) 'ð', "d"), Map.entry((int) 'Đ', "D"),
            Map.entry((int) 'đ', "d"), Map.entry((int) 'Þ', "Th"), Map.entry((int) 'þ', "th"), Map.entry((int) 'Ħ', "H"),
            Map.entry((int) 'ħ', "h"), Map.entry((int) 'Ŧ', "T"), Map.entry((int) 'ŧ', "t"), Map.entry((int) 'Ŋ', "N"),
            Map.entry((int) 'ŋ', "n"), Map.entry((int) 'ſ', "s"), Map.entry((int) '−', "-"), Map.entry((int) '«', "“"),
            Map.entry((int) '»', "”"), Map.entry((int) '‹', "‘"), Map.entry((int) '›', "’"), Map.entry((int) '‚', ","),
            Map.entry((int) '„', ",,"), Map.entry((int) '′', "'"), Map.entry((int) '″', "''"), Map.entry((int) '©', "(c)"),
            Map.entry((int) '®', "(R)"), Map.entry((int) '™', "(TM)"), Map.entry((int) '€', "EUR"),
            Map.entry((int) '£', "GBP"), Map.entry((int) '¥', "JPY"), Map.entry((int) '¼', "1/4"),
            Map.entry((int) '½', "1/2"), Map.entry((int) '¾', "3/4"));

    private static Map.Entry<Integer, String> greek(char c, String math) {
        return Map.entry((int) c, "\\ensuremath{" + math + "}");
    }

    /**
     * One character as LaTeX prints it literally. Characters that pdfLaTeX with the default fonts cannot
     * typeset (CJK, emoji, most symbols and scripts) would stop the compilation with "Unicode character ...
     * not set up for use with LaTeX"; they are printed as {@code ?} instead, and invisible formatting
     * characters, combining marks left over and controls are dropped. A Latin letter with an accent the
     * fonts lack keeps its base letter.
     */
    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '\\' -> out.append("\\textbackslash{}");
            case '&', '%', '$', '#', '_', '{', '}' -> out.append('\\').append((char) cp);
            case '~' -> out.append("\\textasciitilde{}");
            case '^' -> out.append("\\textasciicircum{}");
            case '<' -> out.append("\\textless{}");
            case '>' -> out.append("\\textgreater{}");
            case '|' -> out.append("\\textbar{}");
            case '\n', '\r', '\t' -> out.append(' ');
            default -> appendOther(out, cp);
        }
    }

    private static void appendOther(StringBuilder out, int cp) {
        if (cp < 0x80) {
            if (!Character.isISOControl(cp)) {
                out.append((char) cp);
            }
            return;
        }
        if (AS_IS.indexOf(cp) >= 0) {
            out.appendCodePoint(cp);
            return;
        }
        String spelled = SPELLED.get(cp);
        if (spelled != null) {
            out.append(spelled);
            return;
        }
        if (isSpace(cp)) {
            out.append(' ');
            return;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.SURROGATE, Character.UNASSIGNED,
                    Character.PRIVATE_USE -> {
                return; // invisible or meaningless alone
            }
            default -> {
            }
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        int base = decomposed.codePointAt(0);
        if (base != cp && base < 0x80 && Character.isLetter(base)) {
            out.append((char) base); // e.g. ą, ę, ǘ: the accent is dropped, the letter kept
        } else if (base != cp && SPELLED.containsKey(base)) {
            out.append(SPELLED.get(base)); // accented Greek
        } else {
            out.append('?');
        }
    }

    /** A space TeX may break a line at (a no-break space, which stays one, is not). */
    private static boolean isSpace(int cp) {
        return cp != 0xa0 && (Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR);
    }
}
