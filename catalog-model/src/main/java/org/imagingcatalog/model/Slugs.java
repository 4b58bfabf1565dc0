package org.imagingcatalog.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Resource ids: short, readable, stable forever. */
public final class Slugs {

    public static final String REGEX = "[a-z0-9]+(-[a-z0-9]+)*";
    public static final Pattern PATTERN = Pattern.compile(REGEX);
    public static final String RULE = "must be 3 to 80 lowercase letters, digits and single hyphens, e.g. covid-ct";

    private Slugs() {
    }

    public static boolean isValid(String id) {
        return id != null && id.length() >= Limits.ID_MIN && id.length() <= Limits.ID_MAX
                && PATTERN.matcher(id).matches();
    }

    /** A valid slug derived from a resource's name, e.g. "COVID-19 Image Data" -> "covid-19-image-data". */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > Limits.ID_MAX) {
            int cut = slug.lastIndexOf('-', Limits.ID_MAX);
            slug = slug.substring(0, cut >= Limits.ID_MIN ? cut : Limits.ID_MAX).replaceAll("-+$", "");
        }
        if (slug.length() < Limits.ID_MIN) {
            slug = slug.isEmpty() ? "resource" : slug + "-resource";
        }
        return slug;
    }
}
