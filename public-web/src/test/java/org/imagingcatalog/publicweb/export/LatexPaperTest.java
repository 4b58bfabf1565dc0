package org.imagingcatalog.publicweb.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.publicweb.catalog.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20: the LaTeX and BibTeX exports used the way a survey's author uses them. A minimal
 * {@code article} inputs {@code catalog.tex} and takes its bibliography from {@code catalog.bib}; it runs
 * through {@code pdflatex}, {@code bibtex}, {@code pdflatex}, {@code pdflatex} (Debian's
 * {@code texlive-latex-base}, which {@code .ci/run} installs) and must come out clean: no error, no undefined
 * citation or reference, no overfull box, nothing left to rerun; and the table must break across pages.
 */
class LatexPaperTest {

    static final String BASE = "https://catalog.example.org";
    static final LocalDate AS_OF = LocalDate.of(2026, 12, 3);

    /** The paper of an author who follows the export's own instructions (the bibliography style to fill in). */
    static final String PAPER = """
            \\documentclass{article}
            \\usepackage{longtable,array}
            \\usepackage{url}
            \\begin{document}
            \\section{Public medical imaging data}
            Table~\\ref{tab:imaging-data-catalog} lists the public resources known to the catalog.
            \\input{catalog.tex}
            \\bibliographystyle{%s}
            \\bibliography{catalog}
            \\end{document}
            """;

    @TempDir
    Path dir;

    @Test
    void aPaperWithTheTableCompilesCleanlyAt20And300EntriesAndGrowsWithThem() throws Exception {
        Compilation twenty = compile(dir.resolve("twenty"), synthetic(20));
        Compilation threeHundred = compile(dir.resolve("three-hundred"), synthetic(300));

        twenty.assertClean(20);
        threeHundred.assertClean(300);
        assertThat(threeHundred.pages()).as("pages at 300 entries vs. at 20 (%d)", twenty.pages())
                .isGreaterThan(twenty.pages());
        System.out.printf("LatexPaperTest: 20 entries -> %d pages, 300 entries -> %d pages%n", twenty.pages(),
                threeHundred.pages());
    }

    /** Issue 15: the variant with the risk-of-bias column (riskOfBias=true) at 300 entries, every judgement in it. */
    @Test
    void theVariantWithTheRiskOfBiasColumnCompilesCleanlyAt300Entries() throws Exception {
        List<Entry> entries = withRisks(synthetic(300));
        String tex = Latex.table(entries, AS_OF, null, true);
        assertThat(tex).contains(" & H \\\\\n", " & U \\\\\n", " & L \\\\\n", " & -- \\\\\n");
        Compilation compiled = compile(dir.resolve("risk-of-bias"), entries, "plain", true);
        compiled.assertClean(300);
        System.out.printf("LatexPaperTest: 300 entries with the RoB column -> %d pages%n", compiled.pages());
    }

    @ParameterizedTest
    @ValueSource(strings = {"unsrt", "abbrv", "alpha"})
    void theOtherClassicBibliographyStylesCompileCleanlyToo(String style) throws Exception {
        compile(dir.resolve(style), synthetic(20), style).assertClean(20);
    }

    @Test
    void hostileNamesProvidersAndUrlsStillCompile() throws Exception {
        List<Entry> entries = hostile();
        Compilation compiled = compile(dir.resolve("hostile"), entries);
        compiled.assertCompilesWithTheTableInItsMargins(entries.size());
    }

    // --- the exports under test --------------------------------------------------------------------------

    static String tex(List<Entry> entries) {
        return Latex.table(entries, AS_OF);
    }

    /** Entries with risk-of-bias judgements in turn: none, low, unclear, high, and low with a high one. */
    static List<Entry> withRisks(List<Entry> entries) {
        List<Entry> judged = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            RiskOfBias rob = switch (i % 5) {
                case 1 -> new RiskOfBias(new RiskJudgement(Risk.LOW, "consecutive patients"), null, null, null);
                case 2 -> new RiskOfBias(null, new RiskJudgement(Risk.UNCLEAR, "labels of unknown origin"), null, null);
                case 3 -> new RiskOfBias(null, null, new RiskJudgement(Risk.HIGH, "images from papers"), null);
                case 4 -> new RiskOfBias(new RiskJudgement(Risk.LOW, "adults"), null, null,
                        new RiskJudgement(Risk.HIGH, "shares patients with its sources"));
                default -> RiskOfBias.unassessed();
            };
            Resource r = entry.resource().withTrust(new TrustFields(null, null, null, null, null, rob, null));
            judged.add(new Entry(r, entry.json(), entry.updatedAt(), entry.reason()));
        }
        return judged;
    }

    static String bib(List<Entry> entries) {
        return Bibtex.all(entries, BASE, AS_OF);
    }

    /** Names, providers and URLs with every LaTeX special, injections, Unicode LaTeX cannot set, long words. */
    static List<Entry> hostile() {
        List<Entry> entries = new ArrayList<>();
        String[] names = {
            "Chest CT & X-ray: 100% \"real\" data_set #1 {v2} ~home ^caret \\path $5 <a|b> @x",
            "\\end{longtable}\\end{document} \\input{/etc/passwd} \\def\\x{oops} } { \\\\ \\catcode`\\@=11",
            "Universität Zürich Lungen-Bildgebung Straße, Ørsted øre, café naïve, Łódź, Çağlar, Dvořák",
            "Αρχείο ακτινογραφιών θώρακα (αβγ ΔΣΩ) μCT ±5 mm × 3, 37 °C",
            "胸部CT影像数据集 2020 (中国)",
            "Lung ultrasound 🫁😷 clips 🧑‍⚕️",
            "Zero\u200bwidth\u200djoiner e\u0301 combining \u202eright-to-left\u202c line\u2028sep tab\there ctl\u0007",
            "SARSCoV2ChestComputedTomographyScansFromTheRegionalHospitalNetworkOfNorthernItaly2020",
            "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
            "https://example.org/a/very/long/path/that/someone/pasted/as/a/name/of/the/resource?x=1&y=2",
            "«Quoted» „German“ ‚single‘ ‹angle› – en — em … ellipsis ¿¡ © ® ™ ¼ ½ § ¶ € £ ¥",
            "Set as they are: " + String.join(" ", Latex.AS_IS.split("(?<=\\G.{12})")),
            "Spelled out: " + Latex.SPELLED.keySet().stream().sorted().map(Character::toString)
                    .collect(java.util.stream.Collectors.joining(" ")),
            "Base letters kept: Wrocław Gdańsk Częstochowa Ąą Ęę Įį Ųų Ǘǘ ά έ ή ί ό ύ ώ ΐ Ŀŀ ĸ",
            "🫁",
            "No break spaces all the way through this long name",
        };
        String[] providers = {
            "{Ma} & {Li} and others, 50% \\relax",
            "Universität Zürich and ETH Zürich",
            "Αθήνα } unbalanced {",
            null,
            "DepartmentOfRadiologyAndNuclearMedicineOfTheUniversityMedicalCentre",
        };
        String[] urls = {
            "https://example.org/data_set/~user/get?x=1&y=50%25#part-2",
            "https://example.org/{x}\\y z",
            "https://例え.jp/データ/胸部",
            "https://example.org/" + "segment/".repeat(25) + "file.zip",
            "ftp://example.org/%%%/^caret/`tick`/\"quoted\"",
        };
        for (int i = 0; i < names.length; i++) {
            entries.add(entry("hostile-" + i, names[i], providers[i % providers.length], urls[i % urls.length],
                    flags(i), 3));
        }
        return entries;
    }

    // --- synthetic catalogs ------------------------------------------------------------------------------

    private static final String[] WORDS = {"COVID-19", "Chest", "Lung", "Pneumonia", "Computed", "Tomography",
        "Radiograph", "Collection", "Dataset", "Archive", "of", "and", "Segmentation", "Ultrasound", "Cases",
        "Multi-centre", "Paediatric", "Longitudinal", "Annotated", "Screening", "Thoracic", "Imaging",
        "Database", "Cohort", "Study", "Regional", "Hospital", "Network", "Open", "Severity", "Scoring",
        "Benchmark", "Challenge", "Release", "Interstitial", "Abnormalities"};

    private static final String[] PROVIDERS = {"University Hospital", "Institute for Medical Imaging",
        "National Cancer Institute", "Radiological Society", "Allen Institute for AI", "Qatar University"};

    /** A deterministic catalog of n entries whose names run from two words to a dozen. */
    static List<Entry> synthetic(int n) {
        Random random = new Random(20);
        List<Entry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int words = 2 + random.nextInt(i % 7 == 0 ? 12 : 6);
            StringBuilder name = new StringBuilder();
            for (int w = 0; w < words; w++) {
                name.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            name.append(' ').append(i + 1);
            String provider = PROVIDERS[random.nextInt(PROVIDERS.length)] + " " + (1 + random.nextInt(40));
            entries.add(entry(String.format("resource-%03d", i + 1), name.toString(), provider,
                    "https://data.example.org/collections/" + (i + 1) + "/chest-imaging", flags(i), 1 + i % 4));
        }
        return entries;
    }

    static Availability[] flags(int i) {
        Availability[] all = Availability.values();
        Availability[] flags = new Availability[6];
        for (int f = 0; f < 6; f++) {
            flags[f] = all[(i + f * 2) % all.length];
        }
        return flags;
    }

    static Entry entry(String id, String name, String provider, String url, Availability[] f, int version) {
        Resource resource = new Resource(id, name, url, "A synthetic resource.", provider,
                new Modalities(f[0], f[1], f[2], f[3]), f[4], f[5], "CC BY 4.0", Access.OPEN, List.of("DICOM"),
                Counts.none(), List.of(), List.of("synthetic"), version, ResourceStatus.ACTIVE);
        return new Entry(resource, "{}", Instant.parse("2024-05-17T10:00:00Z"), null);
    }

    // --- compiling ---------------------------------------------------------------------------------------

    private static final Pattern PAGES = Pattern.compile("Output written on paper\\.pdf \\((\\d+) pages?");

    private static final String BIBLIOGRAPHY_OVERFULL = "overfull in the bibliography: ";

    /** What one pdflatex, bibtex, pdflatex, pdflatex round left behind. */
    record Compilation(Path dir, int pages, List<String> problems, String aux) {

        /** Compiled without any error, warning or overfull box. */
        void assertClean(int entries) {
            assertThat(problems).as("problems compiling the paper in %s", dir).isEmpty();
            assertComplete(entries);
        }

        /**
         * Compiled without any error or warning, and the table without an overfull box; the bibliography
         * (justified by the classic styles) may overflow a line at an absurdly long word.
         */
        void assertCompilesWithTheTableInItsMargins(int entries) {
            assertThat(problems.stream().filter(p -> !p.startsWith(BIBLIOGRAPHY_OVERFULL)))
                    .as("problems compiling the paper in %s", dir).isEmpty();
            assertComplete(entries);
        }

        private void assertComplete(int entries) {
            assertThat(pages).as("pages of the paper").isPositive();
            long cited = Pattern.compile("^\\\\citation\\{", Pattern.MULTILINE).matcher(aux).results().count();
            long resolved = Pattern.compile("^\\\\bibcite\\{", Pattern.MULTILINE).matcher(aux).results().count();
            assertThat(cited).as("rows citing an entry").isEqualTo(entries);
            assertThat(resolved).as("bibliography items").isEqualTo(entries);
        }
    }

    static Compilation compile(Path dir, List<Entry> entries) throws IOException, InterruptedException {
        return compile(dir, entries, "plain");
    }

    static Compilation compile(Path dir, List<Entry> entries, String style) throws IOException, InterruptedException {
        return compile(dir, entries, style, false);
    }

    static Compilation compile(Path dir, List<Entry> entries, String style, boolean riskOfBias)
            throws IOException, InterruptedException {
        String pdflatex = require("pdflatex");
        String bibtex = require("bibtex");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("catalog.tex"), riskOfBias ? Latex.table(entries, AS_OF, null, true) : tex(entries),
                UTF_8);
        Files.writeString(dir.resolve("catalog.bib"), bib(entries), UTF_8);
        Files.writeString(dir.resolve("paper.tex"), PAPER.formatted(style), UTF_8);

        List<String> problems = new ArrayList<>();
        List<String> latex = List.of(pdflatex, "-interaction=nonstopmode", "-halt-on-error", "paper.tex");
        run(dir, latex, problems);
        run(dir, List.of(bibtex, "paper"), problems);
        run(dir, latex, problems);
        run(dir, latex, problems);

        String log = read(dir.resolve("paper.log"));
        log.lines().filter(l -> l.startsWith("! ")).forEach(l -> problems.add("error: " + l));
        List<String> lines = log.lines().toList();
        boolean inBibliography = false; // the paper reads the table first, then the bibliography
        for (int i = 0; i < lines.size(); i++) {
            inBibliography |= lines.get(i).contains("(./paper.bbl");
            if (lines.get(i).contains("Overfull \\hbox") || lines.get(i).contains("Overfull \\vbox")) {
                // the log's next line shows the material that overflowed
                problems.add((inBibliography ? BIBLIOGRAPHY_OVERFULL : "overfull: ") + lines.get(i)
                        + (i + 1 < lines.size() ? " " + lines.get(i + 1) : ""));
            }
        }
        log.lines().filter(l -> l.matches(".*(Citation|Reference) `.*' .*undefined.*"))
                .forEach(l -> problems.add("undefined: " + l));
        log.lines().filter(l -> l.contains("There were undefined") || l.contains("Rerun to get")
                || l.contains("may have changed")
                || l.contains("Table widths have changed")).forEach(l -> problems.add("unsettled: " + l));
        String blg = read(dir.resolve("paper.blg"));
        blg.lines().filter(l -> l.startsWith("Warning--") || l.contains("error message"))
                .forEach(l -> problems.add("bibtex: " + l));

        Matcher pages = PAGES.matcher(log);
        int count = pages.find() ? Integer.parseInt(pages.group(1)) : 0;
        return new Compilation(dir, count, problems, read(dir.resolve("paper.aux")));
    }

    private static void run(Path dir, List<String> command, List<String> problems)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("last-run.out").toFile());
        if (command.get(0).endsWith("pdflatex")) {
            builder.environment().put("max_print_line", "10000"); // the log's lines unwrapped, for the checks
        }
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            problems.add(String.join(" ", command) + ": timed out");
            return;
        }
        if (process.exitValue() != 0) {
            List<String> out = read(dir.resolve("last-run.out")).lines().toList();
            problems.add(command.get(0).replaceAll(".*/", "") + " exited " + process.exitValue() + ": "
                    + String.join("\n  ", out.subList(Math.max(0, out.size() - 12), out.size())));
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), UTF_8) : "";
    }

    /** The tool's path; a missing TeX fails the test (CI installs it), it never skips it. */
    static String require(String tool) {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail(tool + " is not on the PATH: install Debian's texlive-latex-base "
                + "(apt-get install texlive-latex-base; .ci/run does) to run the LaTeX export's compile test");
    }
}
