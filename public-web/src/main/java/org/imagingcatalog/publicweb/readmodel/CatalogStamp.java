package org.imagingcatalog.publicweb.readmodel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How often the published catalog changed, and when it last did: the basis of ETags and Last-Modified. */
public record CatalogStamp(long counter, Instant lastModified) {

    public CatalogStamp {
        // HTTP dates have whole seconds; comparing If-Modified-Since needs the same precision
        lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
    }
}
