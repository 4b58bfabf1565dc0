package org.imagingcatalog.publicweb.cache;

import java.util.Locale;

/**
 * Whether an {@code Accept} header allows a media type. The cached path answers only requests that
 * plainly accept what it holds; anything else (another type, an unreadable header) goes on to JAX-RS,
 * whose content negotiation decides (406 and the like).
 */
final class AcceptHeader {

    private AcceptHeader() {
    }

    static boolean allows(String accept, String mediaType) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String wanted = essence(mediaType);
        int slash = wanted.indexOf('/');
        String wantedType = slash < 0 ? wanted : wanted.substring(0, slash);
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (refused(parts)) {
                continue;
            }
            String candidate = parts[0].trim().toLowerCase(Locale.ROOT);
            if (candidate.equals("*/*") || candidate.equals(wanted) || candidate.equals(wantedType + "/*")) {
                return true;
            }
        }
        return false;
    }

    /** A range with q=0 says "not this one". */
    private static boolean refused(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
