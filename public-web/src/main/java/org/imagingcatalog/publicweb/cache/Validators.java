package org.imagingcatalog.publicweb.cache;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.imagingcatalog.publicweb.readmodel.CatalogStamp;

/** ETag and Last-Modified of a catalog view, and whether a conditional request already holds it. */
final class Validators {

    private Validators() {
    }

    static String etag(CatalogStamp stamp, String key) {
        return "\"" + stamp.counter() + "-" + Integer.toHexString(key.hashCode()) + "\"";
    }

    static String lastModified(CatalogStamp stamp) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(stamp.lastModified().atZone(ZoneOffset.UTC));
    }

    /** If-None-Match wins over If-Modified-Since, as RFC 9110 says. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, CatalogStamp stamp) {
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        if (ifModifiedSince != null) {
            try {
                ZonedDateTime since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return !stamp.lastModified().isAfter(since.toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
