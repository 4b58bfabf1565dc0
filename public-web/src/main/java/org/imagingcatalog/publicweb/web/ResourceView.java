package org.imagingcatalog.publicweb.web;

import java.util.List;

/** Everything a resource page shows, prepared so the template only lays it out. */
public record ResourceView(String id, String name, String url, String description, String provider,
        List<Badge> flags, String access, String license, String licenseSpdx, String licenseSpdxUrl, String formats,
        String patients, String images, String studies, String annotations, String tags, int version, String status,
        boolean withdrawn, String reason, String updated, String citation, String bibtex, String jsonLd,
        String correctionUrl, String withdrawalUrl, List<ChangeRow> changes, TrustView trust, LinkNote link) {

    /**
     * What the latest check of the link found, for a sentence: {@code kind} ok, moved, broken, changed, unchecked
     * (checked, but it could not be) or unknown (no check known); {@code checkedOn} its day ("3 December 2026");
     * {@code movedToUrl} the new address when it is a web address to link to.
     */
    public record LinkNote(String kind, String checkedOn, Integer httpStatus, String movedTo, String movedToUrl,
            String detail) {

        /** The notice's style: a broken link is a danger, a moved or changed one a warning. */
        public String notice() {
            return switch (kind) {
                case "broken" -> "notice notice-danger";
                case "moved", "changed" -> "notice notice-warn";
                default -> "muted";
            };
        }
    }

    public record ChangeRow(int version, String date, String status, String summary, String changedFields,
            String reason) {
    }
}
