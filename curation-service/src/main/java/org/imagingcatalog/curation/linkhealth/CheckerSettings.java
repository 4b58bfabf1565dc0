package org.imagingcatalog.curation.linkhealth;

import java.time.Duration;

/**
 * How politely and how far the link checker goes: at most {@code perHostConcurrency} requests to one host at a time,
 * each slot resting {@code perHostDelay} after its answer, a host that failed left alone for
 * {@code backoffBase * 2^(failures-1)} (at most {@code backoffMax}) or for as long as its {@code Retry-After} asks.
 * {@code loopbackOnly}: the checker refuses every address outside 127.0.0.0/8 (tests and the benchmark never leave the
 * machine, whatever an entry or a redirect says).
 */
public record CheckerSettings(String userAgent, int perHostConcurrency, Duration perHostDelay, int maxInFlight,
        Duration connectTimeout, Duration requestTimeout, int maxRedirects, Duration backoffBase, Duration backoffMax,
        Duration robotsTtl, int maxPageBytes, boolean loopbackOnly) {

    /** The product token robots.txt groups name us by. */
    public String robotsToken() {
        int slash = userAgent.indexOf('/');
        return (slash < 0 ? userAgent : userAgent.substring(0, slash)).strip();
    }
}
