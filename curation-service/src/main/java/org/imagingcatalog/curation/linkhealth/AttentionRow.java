package org.imagingcatalog.curation.linkhealth;

import java.time.Instant;
import java.util.List;

import org.imagingcatalog.model.events.LinkStatus;

/**
 * One address that needs a curator: {@code attention} is BROKEN, REDIRECTED (moved for good: {@code movedTo}),
 * CHANGED (the page's text moved on since the entry's last curated version: {@code changes}, a line diff) or
 * UNCHECKED (not checked for long, or never, or robots.txt forbids it). {@code kind}: {@code url} for the entry's own
 * address, else the identifier whose landing page it is.
 */
public record AttentionRow(String resourceId, String entryName, String url, String kind, LinkStatus attention,
        Integer httpStatus, String movedTo, String detail, Instant checkedAt, Instant since,
        List<LineDiff.Line> changes) {

    /** Whether the one-click "use the new address" applies: a permanent redirect of the entry's own address. */
    public boolean acceptable() {
        return attention == LinkStatus.REDIRECTED && movedTo != null && LinkTarget.ENTRY.equals(kind);
    }

    public boolean changed() {
        return attention == LinkStatus.CHANGED;
    }

    /** What the row is about, in words. */
    public String label() {
        return switch (attention) {
            case BROKEN -> "Broken";
            case REDIRECTED -> "Moved";
            case CHANGED -> "Changed";
            default -> "Not checked";
        };
    }
}
