package org.imagingcatalog.publicweb.releases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A complete named release as the reader sees it: its name, the curators' notes, when it was cut, the release cut
 * before it (null for the first), how many entries it froze and how many of them were listed (the rest withdrawn).
 */
public record Release(String name, String notes, Instant cutAt, String previous, int entryCount, int listedCount) {

    /** The day it was cut (UTC): what its exports and its citation say instead of "today". */
    public LocalDate cutDate() {
        return LocalDate.ofInstant(cutAt, ZoneOffset.UTC);
    }

    public int withdrawnCount() {
        return entryCount - listedCount;
    }
}
