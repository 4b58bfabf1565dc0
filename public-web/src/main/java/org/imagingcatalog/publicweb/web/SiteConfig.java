package org.imagingcatalog.publicweb.web;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/** Where the catalog lives and where its readers propose changes. */
@ApplicationScoped
public class SiteConfig {

    private final String base;
    private final String submissionUrl;

    public SiteConfig(@ConfigProperty(name = "catalog.public-url", defaultValue = "http://localhost:8080") String publicUrl,
            @ConfigProperty(name = "catalog.links.submission-url", defaultValue = "http://localhost:8081") String submissionUrl) {
        this.base = withoutTrailingSlash(publicUrl);
        this.submissionUrl = withoutTrailingSlash(submissionUrl);
    }

    /** The public base URL of this service, used in citations, JSON-LD and the feed. */
    public String base() {
        return base;
    }

    /** The submission service, which takes corrections and withdrawal requests. */
    public String submissionUrl() {
        return submissionUrl;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
