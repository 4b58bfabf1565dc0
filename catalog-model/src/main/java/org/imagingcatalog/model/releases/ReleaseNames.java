package org.imagingcatalog.model.releases;

import java.util.regex.Pattern;

/**
 * What a release may be called: a short name that reads well in a citation and a URL path, such as {@code 2026.1},
 * {@code v2.0} or {@code 2026-12-survey}. It starts with a letter or digit and holds letters, digits, dots,
 * hyphens and underscores only, so it never needs escaping in a path, a query or a BibTeX key.
 */
public final class ReleaseNames {

    public static final int MAX = 40;
    public static final int NOTES_MAX = 5000;
    public static final String REGEX = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    public static final String RULE = "must be 1 to 40 letters, digits, dots, hyphens or underscores, starting with a"
            + " letter or digit, e.g. 2026.1";
    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private ReleaseNames() {
    }

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }
}
