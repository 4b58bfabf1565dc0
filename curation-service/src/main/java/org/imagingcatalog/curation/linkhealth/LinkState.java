package org.imagingcatalog.curation.linkhealth;

import java.time.Instant;

import org.imagingcatalog.model.events.LinkStatus;

/** The latest state of one address of one entry (a row of {@code link_state}). */
public record LinkState(String resourceId, String url, String kind, LinkStatus status, Integer httpStatus, String movedTo,
        String detail, Instant checkedAt, Instant since, String etag, String lastModified, String finalUrl,
        String fingerprint, String pageText, String baselineFingerprint, String baselineText, Integer baselineVersion,
        Instant baselineAt) {
}
