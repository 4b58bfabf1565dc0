package org.imagingcatalog.publicweb.web;

import java.util.List;

/** Everything a resource page shows, prepared so the template only lays it out. */
public record ResourceView(String id, String name, String url, String description, String provider,
        List<Badge> flags, String access, String license, String formats, String patients, String images,
        String studies, String annotations, String tags, int version, String status, boolean withdrawn,
        String reason, String updated, String citation, String bibtex, String jsonLd, String correctionUrl,
        String withdrawalUrl, List<ChangeRow> changes, TrustView trust) {

    public record ChangeRow(int version, String date, String status, String summary, String changedFields,
            String reason) {
    }
}
