package org.imagingcatalog.publicweb.export;

import java.util.Locale;
import java.util.Map;

/**
 * The registered names of the file formats entries state, where there are any: the IANA media type and the EU
 * Publications Office's file-type code (both for DCAT-AP's {@code dcat:mediaType} and {@code dct:format}, the media
 * type for Croissant's {@code encodingFormat}). A format without one (NIfTI, MHA, ...) keeps only its name.
 */
final class DataFormats {

    /** A format's media type and EU file-type code; either null where none is registered. */
    record Known(String mediaType, String euFileType) {
    }

    private static final Known NONE = new Known(null, null);

    /** By the format's name in upper case, as entries spell them. */
    private static final Map<String, Known> BY_NAME = Map.ofEntries(
            Map.entry("DICOM", new Known("application/dicom", null)),
            Map.entry("DCM", new Known("application/dicom", null)),
            Map.entry("PNG", new Known("image/png", "PNG")),
            Map.entry("JPEG", new Known("image/jpeg", "JPEG")),
            Map.entry("JPG", new Known("image/jpeg", "JPEG")),
            Map.entry("TIFF", new Known("image/tiff", "TIFF")),
            Map.entry("TIF", new Known("image/tiff", "TIFF")),
            Map.entry("GIF", new Known("image/gif", "GIF")),
            Map.entry("CSV", new Known("text/csv", "CSV")),
            Map.entry("JSON", new Known("application/json", "JSON")),
            Map.entry("XML", new Known("application/xml", "XML")),
            Map.entry("PDF", new Known("application/pdf", "PDF")),
            Map.entry("ZIP", new Known("application/zip", "ZIP")),
            Map.entry("MP4", new Known("video/mp4", "MP4")));

    private DataFormats() {
    }

    static Known of(String format) {
        return format == null ? NONE : BY_NAME.getOrDefault(format.strip().toUpperCase(Locale.ROOT), NONE);
    }
}
