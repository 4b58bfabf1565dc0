package org.imagingcatalog.curation.linkhealth;

/**
 * One address to check: an entry's {@code url} ({@code kind} {@link #ENTRY}) or an identifier's landing page
 * ({@code kind} e.g. {@code doi 10.x/y}), with what the last check learnt of it ({@code etag}, {@code lastModified}
 * and the {@code finalUrl} they belong to, for a conditional request; null when never checked).
 */
public record LinkTarget(String resourceId, String url, String kind, String etag, String lastModified, String finalUrl) {

    public static final String ENTRY = "url";

    public static LinkTarget fresh(String resourceId, String url, String kind) {
        return new LinkTarget(resourceId, url, kind, null, null, null);
    }

    public boolean isEntryUrl() {
        return ENTRY.equals(kind);
    }
}
