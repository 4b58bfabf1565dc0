package org.imagingcatalog.curation.linkhealth;

import java.time.Instant;
import java.util.List;

import org.imagingcatalog.model.events.LinkStatus;

/**
 * What one check of one address found. {@code status} is the checker's view (OK, REDIRECTED, BROKEN, UNCHECKED);
 * whether an OK page is CHANGED is decided against its curated baseline when it is stored. {@code chain}: every
 * request made, in order, with the status it answered (null: no answer); {@code movedTo}: where permanent redirects
 * from the address lead; {@code page}: the meaningful text of an HTML or plain-text answer, else null.
 */
public record LinkResult(LinkTarget target, Outcome outcome, LinkStatus status, Integer httpStatus, List<Hop> chain,
        Instant checkedAt, long durationMillis, String etag, String lastModified, String finalUrl, String movedTo,
        PageText page, String detail) {

    public enum Outcome {
        /** The address answered with a page (2xx), possibly after redirects. */
        ANSWERED,
        /** The conditional request answered 304: the page is as it was at the last check. */
        NOT_MODIFIED,
        /** No usable answer: an error status, too many redirects, a refused connection, a timeout, a TLS error. */
        FAILED,
        /** Not requested: robots.txt forbids it, or the address is outside what this checker may reach. */
        NOT_ALLOWED,
        /** Not requested now: the host is in back-off (it failed, or asked to wait with Retry-After). Nothing to store. */
        DEFERRED
    }

    /** One request of the chain: the address asked and the status it answered (null when none came). */
    public record Hop(Integer status, String url) {

        @Override
        public String toString() {
            return (status == null ? "---" : status) + " " + url;
        }
    }

    /** Whether this is a real check (a request answered or failed), worth storing and telling readers. */
    public boolean checked() {
        return outcome == Outcome.ANSWERED || outcome == Outcome.NOT_MODIFIED || outcome == Outcome.FAILED;
    }
}
