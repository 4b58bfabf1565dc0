package org.imagingcatalog.curation.imports;

import java.util.Locale;

/** What an import file is: the public CSV export's columns, or a JSON array of the contract's resources. */
public enum ImportFormat {
    CSV, JSON;

    /** The format a request's Content-Type names ({@code text/csv}, {@code application/json}), else null. */
    public static ImportFormat ofMediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv" -> CSV;
            case "application/json" -> JSON;
            default -> null;
        };
    }

    /** The format a file name's ending names ({@code .json} is JSON, anything else CSV). */
    public static ImportFormat ofFileName(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : CSV;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
