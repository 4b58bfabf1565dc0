package org.imagingcatalog.testsupport.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.Browser;

/**
 * One headless Debian Chromium for the tests of a class: launched before the first test, closed after the
 * last. Register it as {@code @RegisterExtension static final ChromiumExtension chromium = new ChromiumExtension();}
 * and open contexts from {@link #browser()}.
 */
public final class ChromiumExtension implements BeforeAllCallback, AfterAllCallback {

    private HeadlessChromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = HeadlessChromium.launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    public Browser browser() {
        if (chromium == null) {
            throw new IllegalStateException("Chromium is not running: register this extension as a static field");
        }
        return chromium.browser();
    }
}
