package org.imagingcatalog.deploy.monitoring;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, as they appear in a scrape ({@code foo_bucket}, {@code foo_total}:
 * the exact sample names, so a histogram's buckets count as missing when only its count exists). Enough PromQL for
 * the catalog's own queries: quoted strings, label matchers, ranges, label lists ({@code by}, {@code on}, ...) and
 * Grafana variables are removed first; of the names left, those followed by "(" are functions or aggregations.
 */
public final class PromQl {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLES = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern SELECTORS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LISTS =
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** A name not glued to a number before it (1e3, 5m), and whether a "(" follows it. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "inf", "nan", "atan2");

    private PromQl() {
    }

    public static Set<String> metricNames(String expression) {
        String rest = STRINGS.matcher(expression).replaceAll("\"\"");
        rest = GRAFANA_VARIABLES.matcher(rest).replaceAll("");
        rest = SELECTORS.matcher(rest).replaceAll(" ");
        rest = RANGES.matcher(rest).replaceAll(" ");
        rest = LABEL_LISTS.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(rest);
        while (name.find()) {
            boolean function = name.group(2) != null;
            if (!function && !KEYWORDS.contains(name.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(name.group(1));
            }
        }
        return names;
    }
}
