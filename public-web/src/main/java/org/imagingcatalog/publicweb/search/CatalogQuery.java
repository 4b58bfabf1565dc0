package org.imagingcatalog.publicweb.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Text;
import org.imagingcatalog.publicweb.catalog.Flag;

/**
 * What a reader asked the catalog for: search words, flag filters, access, licence, formats, annotations, order
 * and page. Parsed once from the URL and shared by the page, the API, the exports and the feed, so they never
 * disagree about what a query means. Each address takes its own parameters ({@link Route}); any other is refused.
 * <p>
 * {@code format} and {@code annotation} take one value or several, comma-separated or repeated
 * ({@code format=DICOM,NIfTI} is {@code format=DICOM&format=NIfTI}): an entry matches when it has any of them,
 * compared case-insensitively and whole (DICOM is not DICOM-SEG). Different parameters narrow each other.
 * The trust filters ({@link TrustFilter}) narrow it too.
 */
public record CatalogQuery(String q, Map<Flag, Availability> flags, Access access, String license,
        List<String> formats, List<String> annotations, TrustFilter trust, Sort sort, int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;
    public static final int Q_MAX = 200;
    public static final int LICENSE_MAX = 100;
    /** The start of the problem of a parameter an address does not know. */
    static final String UNKNOWN = "is unknown here";
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
    private static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern NEGATION_RUN = Pattern.compile("-[^\\p{L}\\p{N}]*-");
    /** What people type for a parameter the catalog spells otherwise. */
    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("licence", "license"),
            Map.entry("formats", "format"), Map.entry("annotations", "annotation"), Map.entry("search", "q"),
            Map.entry("query", "q"), Map.entry("order", "sort"), Map.entry("excludepediatric", "excludePaediatric"),
            Map.entry("id", "ids"), Map.entry("rob", "riskOfBias"), Map.entry("labelsource", "referenceStandard"),
            Map.entry("releases", "release"), Map.entry("version", "release"));

    /** The addresses that take a catalog query, each with the parameters it knows. */
    public enum Route {
        /** The catalog page and {@code GET /api/v1/resources}. */
        LIST(true, true),
        /**
         * {@code /export/catalog.*}: every match, so page and size are taken and ignored (links made for the list work);
         * {@code release} exports a named release instead of the catalog now (see {@code releases.ReleaseParameter}).
         */
        EXPORT(true, true, "release"),
        /** {@code /feed.atom}: newest changes first, one list; sort is taken and ignored (the page's feed links carried it). */
        FEED(true, false),
        /** {@code /export/catalog.tex}: the exports' parameters and {@code riskOfBias} (true: a risk-of-bias column). */
        LATEX(true, true, "release", "riskOfBias");

        private final Set<String> parameters;

        Route(boolean sort, boolean paging, String... own) {
            Set<String> names = new LinkedHashSet<>(List.of("q"));
            for (Flag flag : Flag.values()) {
                names.add(flag.param());
            }
            names.addAll(List.of("access", "license", "format", "annotation"));
            names.addAll(TrustFilter.PARAMETERS);
            if (sort) {
                names.add("sort");
            }
            if (paging) {
                names.addAll(List.of("page", "size"));
            }
            names.addAll(List.of(own));
            this.parameters = Collections.unmodifiableSet(names);
        }

        /** The parameters this address knows, in the order the documentation lists them. */
        public Set<String> parameters() {
            return parameters;
        }
    }

    public CatalogQuery {
        q = q == null || q.isBlank() ? null : q.strip();
        flags = Collections.unmodifiableMap(flags.isEmpty() ? new EnumMap<>(Flag.class) : new EnumMap<>(flags));
        license = license == null || license.isBlank() ? null : license.strip();
        formats = formats == null ? List.of() : List.copyOf(formats);
        annotations = annotations == null ? List.of() : List.copyOf(annotations);
        trust = trust == null ? TrustFilter.NONE : trust;
    }

    /** A query without trust filters. */
    public CatalogQuery(String q, Map<Flag, Availability> flags, Access access, String license, List<String> formats,
            List<String> annotations, Sort sort, int page, int size) {
        this(q, flags, access, license, formats, annotations, TrustFilter.NONE, sort, page, size);
    }

    public static CatalogQuery all() {
        return new CatalogQuery(null, Map.of(), null, null, List.of(), List.of(), null, 1, DEFAULT_SIZE);
    }

    /** Reads the query parameters of the list (the page and the API). */
    public static CatalogQuery parse(Map<String, List<String>> params) {
        return parse(params, Route.LIST);
    }

    /**
     * Reads the query parameters of an address: a parameter it does not know is refused (all of them named,
     * alphabetically), then a bad value of a known one.
     */
    public static CatalogQuery parse(Map<String, List<String>> params, Route route) {
        refuseUnknown(params, route.parameters());
        String q = first(params, "q");
        if (q != null && q.length() > Q_MAX) {
            throw new BadQueryException("q", "must be at most " + Q_MAX + " characters");
        }
        requireText("q", q);
        q = q == null ? null : collapseNegations(q);
        Map<Flag, Availability> flags = new EnumMap<>(Flag.class);
        for (Flag flag : Flag.values()) {
            String raw = first(params, flag.param());
            if (raw != null && !raw.isBlank()) {
                try {
                    flags.put(flag, Availability.parse(raw));
                } catch (IllegalArgumentException e) {
                    throw new BadQueryException(flag.param(), e.getMessage());
                }
            }
        }
        Access access = null;
        String rawAccess = first(params, "access");
        if (rawAccess != null && !rawAccess.isBlank()) {
            try {
                access = Access.parse(rawAccess);
            } catch (IllegalArgumentException e) {
                throw new BadQueryException("access", e.getMessage());
            }
        }
        String license = first(params, "license");
        if (license != null && license.length() > LICENSE_MAX) {
            throw new BadQueryException("license", "must be at most " + LICENSE_MAX + " characters");
        }
        requireText("license", license);
        List<String> formats = values(params, "format");
        List<String> annotations = values(params, "annotation");
        String rawSort = first(params, "sort");
        Sort sort = rawSort == null || rawSort.isBlank() ? null : Sort.parse(rawSort);
        int page = number(params, "page", 1, 1, MAX_PAGE);
        int size = number(params, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        TrustFilter trust = TrustFilter.parse(params);
        return new CatalogQuery(q, flags, access, license, formats, annotations, trust, sort, page, size);
    }

    /**
     * Refuses every parameter not in {@code known} (all of them named, alphabetically, each with "did you mean" for
     * a near miss and the list of the parameters the address takes); for every address that takes parameters.
     */
    public static void refuseUnknown(Map<String, List<String>> params, Set<String> known) {
        List<String> unknown = params.keySet().stream().filter(name -> !known.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new BadQueryException(unknown.stream()
                    .map(name -> new BadQueryException.Refusal(Text.shorten(name), unknownProblem(name, known)))
                    .toList());
        }
    }

    /**
     * A yes/no parameter, as a checkbox sends it: {@code true} (also {@code on}, {@code yes}, {@code 1}) or
     * {@code false} ({@code off}, {@code no}, {@code 0}, blank or absent), any case; anything else is refused.
     */
    public static boolean yes(Map<String, List<String>> params, String name) {
        String raw = first(params, name);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> true;
            case "false", "off", "no", "0" -> false;
            default -> throw new BadQueryException(name, "must be true or false, not \"" + Text.shorten(
                    ANY_CONTROL.matcher(raw).replaceAll("?")) + "\"");
        };
    }

    /** The order actually used: relevance only makes sense with search words. */
    public Sort effectiveSort() {
        if (sort == null || sort == Sort.RELEVANCE) {
            return q != null ? Sort.RELEVANCE : Sort.NAME;
        }
        return sort;
    }

    public int offset() {
        return (page - 1) * size;
    }

    public boolean filtered() {
        return q != null || !flags.isEmpty() || access != null || license != null || !formats.isEmpty()
                || !annotations.isEmpty() || trust.any();
    }

    public Availability flag(Flag flag) {
        return flags.get(flag);
    }

    public CatalogQuery withPage(int newPage) {
        return new CatalogQuery(q, flags, access, license, formats, annotations, trust, sort, newPage, size);
    }

    /** The same query narrowed to this value of a flag, from its first page. */
    public CatalogQuery with(Flag flag, Availability value) {
        Map<Flag, Availability> narrowed = new EnumMap<>(Flag.class);
        narrowed.putAll(flags);
        narrowed.put(flag, value);
        return new CatalogQuery(q, narrowed, access, license, formats, annotations, trust, sort, 1, size);
    }

    /** The same query narrowed to this access, from its first page. */
    public CatalogQuery withAccess(Access value) {
        return new CatalogQuery(q, flags, value, license, formats, annotations, trust, sort, 1, size);
    }

    /** The same query narrowed to this licence, from its first page. */
    public CatalogQuery withLicense(String value) {
        return new CatalogQuery(q, flags, access, value, formats, annotations, trust, sort, 1, size);
    }

    /** The same query as a canonical URL query string (without "?"); empty when nothing is set. */
    public String queryString() {
        return queryString(true, true);
    }

    /** The filters and order alone, for exports: every matching entry, whatever page the reader is on. */
    public String filterQueryString() {
        return queryString(true, false);
    }

    /** The filters alone, for the feed, which is always newest first. */
    public String feedQueryString() {
        return queryString(false, false);
    }

    private String queryString(boolean withSort, boolean withPaging) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", q);
        flags.forEach((flag, value) -> add(parts, flag.param(), value.code()));
        add(parts, "access", access == null ? null : access.name());
        add(parts, "license", license);
        add(parts, "format", formats.isEmpty() ? null : String.join(",", formats));
        add(parts, "annotation", annotations.isEmpty() ? null : String.join(",", annotations));
        for (String[] pair : TrustFilter.pairs(trust)) {
            add(parts, pair[0], pair[1]);
        }
        if (withSort) {
            add(parts, "sort", sort == null ? null : sort.param());
        }
        if (withPaging) {
            add(parts, "page", page == 1 ? null : Integer.toString(page));
            add(parts, "size", size == DEFAULT_SIZE ? null : Integer.toString(size));
        }
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** "is unknown here (did you mean "caseReview"?); this address takes q, ct, ..." */
    private static String unknownProblem(String name, Set<String> parameters) {
        String folded = fold(name);
        String meant = ALIASES.containsKey(folded) && parameters.contains(ALIASES.get(folded))
                ? ALIASES.get(folded)
                : parameters.stream().filter(known -> fold(known).equals(folded)).findFirst().orElse(null);
        return UNKNOWN + (meant == null ? "" : " (did you mean \"" + meant + "\"?)") + "; this address takes "
                + (parameters.isEmpty() ? "no parameter" : String.join(", ", parameters));
    }

    /** case_review, CaseReview and casereview alike. */
    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** Control characters (NUL above all, which PostgreSQL cannot even compare) are not search text. */
    static void requireNoControl(String name, String value) {
        if (value != null && ANY_CONTROL.matcher(value).find()) {
            throw new BadQueryException(name, "must not contain control characters");
        }
    }

    private static void requireText(String name, String value) {
        if (value != null && CONTROL.matcher(value).find()) {
            throw new BadQueryException(name, "must not contain control characters");
        }
    }

    /**
     * The values of a list filter: every occurrence of the parameter, each split at commas, trimmed, blanks
     * dropped, repeats (ignoring case) dropped; each a single line like the resource's own list items.
     */
    private static List<String> values(Map<String, List<String>> params, String name) {
        List<String> raw = params.get(name);
        if (raw == null) {
            return List.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String value : raw) {
            if (value == null) {
                continue;
            }
            if (ANY_CONTROL.matcher(value).find()) {
                throw new BadQueryException(name, "must not contain control characters or line breaks");
            }
            for (String piece : value.split(",", -1)) {
                String item = piece.strip();
                if (item.isEmpty()) {
                    continue;
                }
                if (item.length() > Limits.LIST_ITEM_MAX) {
                    throw new BadQueryException(name, "must hold values of at most " + Limits.LIST_ITEM_MAX
                            + " characters each");
                }
                values.putIfAbsent(item.toLowerCase(Locale.ROOT), item);
            }
        }
        if (values.size() > Limits.LIST_ITEMS_MAX) {
            throw new BadQueryException(name, "must name at most " + Limits.LIST_ITEMS_MAX + " values");
        }
        return List.copyOf(values.values());
    }

    /**
     * A run of "-" (the search syntax's "not") with nothing but punctuation between is a chain of negations;
     * PostgreSQL refuses chains deeper than its stack ("tsquery stack too small"). Two "not"s cancel, so the
     * run becomes one "-" or none, which means the same.
     */
    static String collapseNegations(String q) {
        return NEGATION_RUN.matcher(q).replaceAll(run -> run.group().chars().filter(c -> c == '-').count() % 2 == 0
                ? " " : "-");
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int number(Map<String, List<String>> params, String name, int fallback, int min, int max) {
        String raw = first(params, name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new BadQueryException(name, "must be a whole number from " + min + " to " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadQueryException(name, "must be a whole number from " + min + " to " + max);
        }
    }
}
