package org.imagingcatalog.kit.licences;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.library.LicenseInfoFactory;
import org.spdx.library.ListedLicenses;
import org.spdx.library.model.v2.license.AnyLicenseInfo;
import org.spdx.library.model.v2.license.InvalidLicenseExpression;
import org.spdx.storage.listedlicense.LicenseJsonTOC;
import org.spdx.storage.listedlicense.SpdxListedLicenseLocalStore;
import org.spdx.storage.simple.InMemSpdxStore;

import com.google.gson.Gson;

/**
 * Maps a licence as people state it to the SPDX id or expression it stands for, using the SPDX licence list that
 * {@code org.spdx:java-spdx-library} ships in its jar, never the one on spdx.org: the library's own switch
 * {@value #JAR_ONLY} is set before the list is first read, so no lookup ever opens a connection.
 * <p>
 * A stated licence that already is an SPDX id or expression, in any letter case ({@code cc-by-4.0},
 * {@code CC-BY-4.0 OR MIT}, {@code LicenseRef-CORD-19}), maps to itself in the list's letter case; a common spelling
 * of one listed licence ({@code CC BY 4.0}, {@code Creative Commons Attribution 4.0 International},
 * {@code Apache 2.0}) maps to that licence's id, found by the list's own ids and names compared without case,
 * punctuation and words such as "licence" or "version"; anything else maps to nothing. The list is read at the first
 * lookup, not at start (about 0.4 s once), and every answer is kept.
 */
public final class SpdxLicences {

    /** The library's setting (read by its {@code org.spdx.Configuration}): use the licence list in the jar only. */
    public static final String JAR_ONLY = "org.spdx.useJARLicenseInfoOnly";

    private static final String PAGE = "https://spdx.org/licenses/";
    private static final String DOCUMENT = "https://imaging-catalog.invalid/spdx";
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "WITH");
    /** Words a spelling may add or leave out without naming another licence. */
    private static final Set<String> FILLER = Set.of("the", "license", "licence", "version", "v", "international");
    private static final int KEPT_ANSWERS = 10_000;
    private static final Map<String, Optional<SpdxLicence>> ANSWERS = new ConcurrentHashMap<>();

    /**
     * What a stated licence maps to: {@code spdx} the id or expression; {@code stated} true when the text already is
     * that id or expression (letter case aside), false when it is a spelling of a listed licence; {@code name} the
     * list's name of a single listed licence, else null.
     */
    public record SpdxLicence(String spdx, boolean stated, String name) {

        /** The licence's page on spdx.org for a single listed licence, else null (an expression, a LicenseRef). */
        public String url() {
            return name == null ? null : PAGE + spdx + ".html";
        }
    }

    private SpdxLicences() {
    }

    /** The SPDX id or expression {@code stated} maps to, or null when it maps to none (or is blank). */
    public static String spdxOf(String stated) {
        SpdxLicence licence = of(stated);
        return licence == null ? null : licence.spdx();
    }

    /** What {@code stated} maps to, or null when it maps to no SPDX id or expression (or is blank). */
    public static SpdxLicence of(String stated) {
        if (stated == null || stated.isBlank()) {
            return null;
        }
        String text = stated.strip();
        Optional<SpdxLicence> known = ANSWERS.get(text);
        if (known == null) {
            known = Optional.ofNullable(lookUp(text));
            if (ANSWERS.size() >= KEPT_ANSWERS) {
                // answers are cheap to find again; memory for every licence text ever proposed is not
                ANSWERS.clear();
            }
            ANSWERS.put(text, known);
        }
        return known.orElse(null);
    }

    /** The version of the SPDX licence list the answers come from, e.g. 3.26.0. */
    public static String listVersion() {
        return LicenceList.list().getLicenseListVersion();
    }

    private static SpdxLicence lookUp(String text) {
        LicenceList list = LicenceList.list();
        String expression = list.canonicalExpression(text);
        if (expression != null) {
            return new SpdxLicence(expression, true, list.names.get(expression));
        }
        String id = list.bySpelling(text);
        return id == null ? null : new SpdxLicence(id, false, list.names.get(id));
    }

    /** The licence list, read once at the first lookup. */
    private static final class LicenceList {

        private static volatile LicenceList loaded;

        private final ListedLicenses listed;
        /** Listed licence id (list's letter case) to its name. */
        private final Map<String, String> names = new HashMap<>();
        /** A licence's id or name in lower-case words to the one id it names (keys two licences share are left out). */
        private final Map<String, String> spellings = new HashMap<>();
        /** The same words without filler words ("licence", "version", ...). */
        private final Map<String, String> looseSpellings = new HashMap<>();

        static LicenceList list() {
            LicenceList current = loaded;
            if (current == null) {
                synchronized (LicenceList.class) {
                    current = loaded;
                    if (current == null) {
                        current = new LicenceList();
                        loaded = current;
                    }
                }
            }
            return current;
        }

        private LicenceList() {
            System.setProperty(JAR_ONLY, "true");
            listed = ListedLicenses.getListedLicenses();
            List<LicenseJsonTOC.LicenseJson> licences = shippedLicences();
            // current licences first: a spelling shared with a deprecated id (GPL-2.0) names the current one
            licences.sort(Comparator.comparing(LicenseJsonTOC.LicenseJson::isDeprecatedLicenseId)
                    .thenComparing(LicenseJsonTOC.LicenseJson::getLicenseId));
            for (LicenseJsonTOC.LicenseJson licence : licences) {
                names.put(licence.getLicenseId(), licence.getName());
            }
            index(licences, spellings, false);
            index(licences, looseSpellings, true);
        }

        /**
         * Each licence's id and name as a key to its id; a key that two current (or two deprecated) licences share
         * names neither. Current licences come first, so they keep a key they share with a deprecated one.
         */
        private static void index(List<LicenseJsonTOC.LicenseJson> licences, Map<String, String> index, boolean loose) {
            Map<String, Boolean> deprecated = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            for (LicenseJsonTOC.LicenseJson licence : licences) {
                deprecated.put(licence.getLicenseId(), licence.isDeprecatedLicenseId());
                for (String text : new String[] { licence.getLicenseId(), licence.getName() }) {
                    String key = key(text, loose);
                    String before = key.isEmpty() ? null : index.putIfAbsent(key, licence.getLicenseId());
                    if (before != null && !before.equals(licence.getLicenseId())
                            && deprecated.get(before) == licence.isDeprecatedLicenseId()) {
                        ambiguous.add(key);
                    }
                }
            }
            index.keySet().removeAll(ambiguous);
        }

        /** The TOC of the list in the jar (ids, names, deprecation), as the library's own local store reads it. */
        private static List<LicenseJsonTOC.LicenseJson> shippedLicences() {
            try {
                SpdxListedLicenseLocalStore store = new SpdxListedLicenseLocalStore();
                try (Reader toc = new InputStreamReader(store.getTocInputStream(), StandardCharsets.UTF_8)) {
                    return new ArrayList<>(new Gson().fromJson(toc, LicenseJsonTOC.class).getLicenses());
                }
            } catch (IOException | InvalidSPDXAnalysisException e) {
                throw new IllegalStateException("the SPDX licence list in java-spdx-library cannot be read", e);
            }
        }

        String getLicenseListVersion() {
            return listed.getLicenseListVersion();
        }

        /** The expression in the list's letter case if the library parses it and every id in it is known, else null. */
        String canonicalExpression(String text) {
            List<String> tokens = tokens(text);
            StringBuilder out = new StringBuilder();
            String previous = null;
            for (String token : tokens) {
                String upper = token.toUpperCase(Locale.ROOT);
                String canonical;
                if (token.equals("(") || token.equals(")")) {
                    canonical = token;
                } else if (OPERATORS.contains(upper)) {
                    canonical = upper;
                } else if ("WITH".equals(previous)) {
                    canonical = exception(token);
                } else {
                    canonical = licence(token);
                }
                if (canonical == null) {
                    return null;
                }
                boolean tight = out.length() == 0 || canonical.equals(")") || out.charAt(out.length() - 1) == '(';
                out.append(tight ? "" : " ").append(canonical);
                previous = OPERATORS.contains(upper) ? upper : null;
            }
            return parses(out.toString()) ? out.toString() : null;
        }

        private String licence(String token) {
            boolean orLater = token.endsWith("+");
            String id = orLater ? token.substring(0, token.length() - 1) : token;
            if (isReference(id, "LicenseRef-")) {
                return token;
            }
            return listed.listedLicenseIdCaseSensitive(id).map(found -> orLater ? found + "+" : found).orElse(null);
        }

        private String exception(String token) {
            if (isReference(token, "AdditionRef-")) {
                return token;
            }
            return listed.listedExceptionIdCaseSensitive(token).orElse(null);
        }

        /** {@code LicenseRef-x}, or {@code DocumentRef-y:LicenseRef-x}: a licence the SPDX way, though not listed. */
        private static boolean isReference(String token, String prefix) {
            String local = token.startsWith("DocumentRef-") && token.contains(":")
                    ? token.substring(token.indexOf(':') + 1) : token;
            return local.startsWith(prefix) && local.length() > prefix.length()
                    && local.substring(prefix.length()).matches("[A-Za-z0-9.-]+");
        }

        /** Whether the library's expression parser reads it (balanced, operators in place). */
        private static boolean parses(String expression) {
            try {
                AnyLicenseInfo parsed = LicenseInfoFactory.parseSPDXLicenseStringCompatV2(expression,
                        new InMemSpdxStore(), DOCUMENT, null);
                return !(parsed instanceof InvalidLicenseExpression);
            } catch (InvalidSPDXAnalysisException | RuntimeException e) {
                return false;
            }
        }

        /** The id of the one listed licence {@code text} spells, or null. */
        String bySpelling(String text) {
            String id = spellings.get(key(text, false));
            return id != null ? id : looseSpellings.get(key(text, true));
        }

        private static List<String> tokens(String text) {
            return Arrays.stream(text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+"))
                    .filter(t -> !t.isEmpty()).toList();
        }

        /** The text's words in lower case without punctuation, joined by one space; {@code loose}: no filler words. */
        private static String key(String text, boolean loose) {
            if (text == null) {
                return "";
            }
            return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                    .filter(w -> !w.isEmpty() && !(loose && FILLER.contains(w))).collect(Collectors.joining(" "));
        }
    }
}
