package org.imagingcatalog.publicweb.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.publicweb.catalog.Flag;

/**
 * What a reader asked the catalog for: search words, flag filters, access, licence, order and page.
 * Parsed once from the URL and shared by the page, the API, the exports and the feed, so they never
 * disagree about what a query means.
 */
public record CatalogQuery(String q, Map<Flag, Availability> flags, Access access, String license, Sort sort,
        int page, int size) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 10_000;
    public static final int Q_MAX = 200;
    public static final int LICENSE_MAX = 100;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");
    private static final Pattern NEGATION_RUN = Pattern.compile("-[^\\p{L}\\p{N}]*-");

    public CatalogQuery {
        q = q == null || q.isBlank() ? null : q.strip();
        flags = Collections.unmodifiableMap(flags.isEmpty() ? new EnumMap<>(Flag.class) : new EnumMap<>(flags));
        license = license == null || license.isBlank() ? null : license.strip();
    }

    public static CatalogQuery all() {
        return new CatalogQuery(null, Map.of(), null, null, null, 1, DEFAULT_SIZE);
    }

    /** Reads the query parameters; unknown parameters are ignored, bad values of known ones are refused. */
    public static CatalogQuery parse(Map<String, List<String>> params) {
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
        String rawSort = first(params, "sort");
        Sort sort = rawSort == null || rawSort.isBlank() ? null : Sort.parse(rawSort);
        int page = number(params, "page", 1, 1, MAX_PAGE);
        int size = number(params, "size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new CatalogQuery(q, flags, access, license, sort, page, size);
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
        return q != null || !flags.isEmpty() || access != null || license != null;
    }

    public Availability flag(Flag flag) {
        return flags.get(flag);
    }

    public CatalogQuery withPage(int newPage) {
        return new CatalogQuery(q, flags, access, license, sort, newPage, size);
    }

    /** The same query as a canonical URL query string (without "?"); empty when nothing is set. */
    public String queryString() {
        return queryString(true);
    }

    /** The filters alone, for exports: every matching entry, whatever page the reader is on. */
    public String filterQueryString() {
        return queryString(false);
    }

    private String queryString(boolean withPaging) {
        List<String> parts = new ArrayList<>();
        add(parts, "q", q);
        flags.forEach((flag, value) -> add(parts, flag.param(), value.code()));
        add(parts, "access", access == null ? null : access.name());
        add(parts, "license", license);
        add(parts, "sort", sort == null ? null : sort.param());
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

    /** Control characters (NUL above all, which PostgreSQL cannot even compare) are not search text. */
    private static void requireText(String name, String value) {
        if (value != null && CONTROL.matcher(value).find()) {
            throw new BadQueryException(name, "must not contain control characters");
        }
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

    private static String first(Map<String, List<String>> params, String name) {
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
