package org.imagingcatalog.systemtest;

import org.imagingcatalog.testsupport.browser.HeadlessChromium;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Debian's headless Chromium driven by Playwright. Each {@link #newPerson()} is a browser context of its
 * own (own cookies, own session), as two people on two machines would be.
 */
final class BrowserSession implements AutoCloseable {

    /** Pages on a busy two-core machine: generous, but a page that never shows still fails the test. */
    private static final double TIMEOUT_MILLIS = 20_000;

    private final HeadlessChromium chromium;

    private BrowserSession(HeadlessChromium chromium) {
        this.chromium = chromium;
    }

    static BrowserSession launch() {
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
        return new BrowserSession(HeadlessChromium.launch());
    }

    /** A fresh browser profile with one tab. */
    Page newPerson() {
        BrowserContext context = chromium.browser().newContext();
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        return context.newPage();
    }

    @Override
    public void close() {
        chromium.close();
    }
}
