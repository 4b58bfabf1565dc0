package org.imagingcatalog.curation.linkhealth;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.net.URL;

import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Headless Chromium: a curator finds a moved address on the attention page and accepts it with one click. */
@QuarkusTest
@TestProfile(LinkCheckingOn.class)
class BrowserAttentionTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TestHTTPResource("/")
    URL base;

    @Inject
    LinkCheckJob job;

    @Test
    void aCuratorAcceptsAMovedAddressFromTheAttentionPageAsANewVersion() {
        try (TestSite site = TestSite.start("127.0.0.31").redirect("/dataset", 301, "/datasets/chest-ct")
                .html("/datasets/chest-ct", "<main><h1>Chest CT</h1></main>")) {
            String id = LinkCheckingOn.entryAt("browser-moved", site.url("/dataset"));
            job.runNow();

            try (BrowserContext context = chromium.browser().newContext()) {
                Page page = context.newPage();
                page.navigate(base + "attention");
                page.locator("input[name=username]").fill("curator");
                page.locator("input[name=password]").fill("curator");
                page.locator("[name=login]").click();
                page.waitForURL(url -> !url.contains("/realms/"));
                assertThat(page.locator("h1")).hasText("Needs attention");

                Locator row = page.locator("tr", new Page.LocatorOptions().setHas(page.locator("a[href='/resources/" + id + "/edit']")));
                assertThat(row).containsText("Moved");
                assertThat(row).containsText("Moved permanently to " + site.url("/datasets/chest-ct"));
                row.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();

                assertThat(page.locator("h1")).hasText("Collection " + id);
                assertThat(page.locator("[role=status]")).containsText("version 2");
                assertThat(page.locator("#version-2")).containsText("URL moved permanently: " + site.url("/dataset")
                        + " -> " + site.url("/datasets/chest-ct"));
                assertThat(page.locator("main")).containsText(site.url("/datasets/chest-ct"));
            }
            asCurator().get("/api/v1/resources/{id}", id).then().statusCode(200).body("version", equalTo(2))
                    .body("snapshot.url", equalTo(site.url("/datasets/chest-ct")))
                    .body("reason", startsWith("URL moved permanently: "));
        }
    }
}
