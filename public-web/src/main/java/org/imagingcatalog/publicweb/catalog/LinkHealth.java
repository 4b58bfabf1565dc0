package org.imagingcatalog.publicweb.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.imagingcatalog.model.events.LinkStatus;

/**
 * What the latest check of an entry's landing page found (contract, "Living catalog"): {@code httpStatus} null when
 * no HTTP answer came, {@code movedTo} the new address of a moved link, {@code detail} what went wrong or changed.
 * {@link #UNKNOWN} when no check is known.
 */
public record LinkHealth(LinkStatus status, Instant checkedAt, Integer httpStatus, String movedTo, String detail) {

    public static final LinkHealth UNKNOWN = new LinkHealth(LinkStatus.UNCHECKED, null, null, null, null);

    public boolean known() {
        return checkedAt != null;
    }

    /** The contract's {@code link}: {@code status}, then {@code checkedAt}, {@code httpStatus} and {@code movedTo} if known. */
    public Map<String, Object> json() {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("status", status.name());
        if (known()) {
            link.put("checkedAt", checkedAt.toString());
            link.put("httpStatus", httpStatus);
            if (movedTo != null) {
                link.put("movedTo", movedTo);
            }
        }
        return link;
    }
}
