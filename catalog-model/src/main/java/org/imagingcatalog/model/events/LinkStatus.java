package org.imagingcatalog.model.events;

/** What the last check of an entry's landing page found (contract, "Living catalog"). */
public enum LinkStatus {
    /** Answered 2xx (or 304) with the content of the last curated version. */
    OK,
    /** Answered, but only after a permanent redirect: the entry's URL has moved. */
    REDIRECTED,
    /** No usable answer: 4xx, 5xx, a refused connection, a timeout, a TLS error. */
    BROKEN,
    /** Answered, but its meaningful text moved on since the entry's last curated version. */
    CHANGED,
    /** Never checked, or not checkable (robots.txt forbids it, link checking is off). */
    UNCHECKED
}
