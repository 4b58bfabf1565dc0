package org.imagingcatalog.model.trust;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DOIs in the spellings people paste: {@code 10.1000/XYZ}, {@code doi:10.1000/xyz}, {@code DOI 10.1000/xyz},
 * {@code https://doi.org/10.1000/xyz}, {@code http://dx.doi.org/10.1000%2Fxyz}, ... A DOI is case-insensitive,
 * so its normal form is the bare {@code 10.prefix/suffix} in lower case.
 */
public final class Dois {

    private static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:https?://)?(?:www\\.|dx\\.)?doi\\.org/|info:doi/|urn:doi:|doi:\\s*|doi\\s+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");

    private Dois() {
    }

    /** The DOI's normal form, or empty if the text is no DOI in any of its spellings. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String bare = PREFIX.matcher(percentDecoded(text.strip())).replaceFirst("");
        return DOI.matcher(bare).matches() ? Optional.of(bare.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** {@code %2F} is {@code /}: DOIs in links are often escaped. A {@code %} without two hex digits stays. */
    private static String percentDecoded(String text) {
        if (!text.contains("%")) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                int codePoint = text.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
