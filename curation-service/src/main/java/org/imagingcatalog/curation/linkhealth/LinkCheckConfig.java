package org.imagingcatalog.curation.linkhealth;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code catalog.linkcheck.*}: link checking is off unless {@code enabled}; off in dev mode, the local stack and the
 * tests (which turn it on against their own servers on 127.0.0.1). The schedule itself ({@code every}, first run
 * {@code first-after}) and the proposal sweep ({@code proposals-every}) are read by the scheduler.
 */
@ConfigMapping(prefix = "catalog.linkcheck")
public interface LinkCheckConfig {

    @WithDefault("false")
    boolean enabled();

    /** How often every address is checked (the scheduler reads it), and how long after start the first run comes. */
    @WithDefault("24h")
    String every();

    @WithDefault("10m")
    String firstAfter();

    /** How often the queue is swept for proposals whose address was not checked yet. */
    @WithDefault("30s")
    String proposalsEvery();

    @WithDefault("ImagingDataCatalog-LinkCheck/1.0 (+http://localhost:8080/about)")
    String userAgent();

    @WithDefault("2")
    int perHostConcurrency();

    @WithDefault("1s")
    Duration perHostDelay();

    /** Checks in flight over all hosts. */
    @WithDefault("32")
    int maxInFlight();

    @WithDefault("10s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration requestTimeout();

    @WithDefault("10")
    int maxRedirects();

    @WithDefault("5m")
    Duration backoffBase();

    @WithDefault("24h")
    Duration backoffMax();

    @WithDefault("24h")
    Duration robotsTtl();

    @WithDefault("1048576")
    int maxPageBytes();

    /** Where a DOI's landing page is asked for: the resolver's base, the DOI appended. */
    @WithDefault("https://doi.org/")
    String doiResolver();

    /** An entry whose link was not checked for this long needs attention ("long unchecked"). */
    @WithDefault("P7D")
    Duration staleAfter();

    /** Only addresses in 127.0.0.0/8 are requested (tests and the benchmark: never leave the machine). */
    @WithDefault("false")
    boolean loopbackOnly();

    default CheckerSettings settings() {
        return new CheckerSettings(userAgent(), perHostConcurrency(), perHostDelay(), maxInFlight(), connectTimeout(),
                requestTimeout(), maxRedirects(), backoffBase(), backoffMax(), robotsTtl(), maxPageBytes(), loopbackOnly());
    }
}
