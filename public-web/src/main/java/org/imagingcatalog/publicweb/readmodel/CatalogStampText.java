package org.imagingcatalog.publicweb.readmodel;

import java.time.Instant;
import java.util.Optional;

/** A stamp as the payload of a change notification: {@code counter|epochSecond}. */
public final class CatalogStampText {

    private CatalogStampText() {
    }

    static String write(CatalogStamp stamp) {
        return stamp.counter() + "|" + stamp.lastModified().getEpochSecond();
    }

    /** The stamp a payload names; empty for anything else (a notification from another program on the channel). */
    public static Optional<CatalogStamp> read(String payload) {
        int bar = payload == null ? -1 : payload.indexOf('|');
        if (bar < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CatalogStamp(Long.parseLong(payload.substring(0, bar)),
                    Instant.ofEpochSecond(Long.parseLong(payload.substring(bar + 1)))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
