package org.imagingcatalog.curation.imports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Headless Chromium: a curator uploads a CSV, reads the dry run's table, applies it with a reason, follows a row to
 * its entry, and a replayed apply changes nothing; then reverts it.
 */
@QuarkusTest
class BrowserImportTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCuratorUploadsACsvSeesTheDryRunAppliesItAndSeesTheEntries() {
        String first = ImportFiles.uniqueId("browser-import");
        String second = ImportFiles.uniqueId("browser-import");
        String file = ImportFiles.csv("id,name,url,description,ct",
                first + ",Browser import one,https://example.org/" + first + ",\"Imported, in a browser\",Y",
                second + ",Browser import two,https://example.org/" + second + ",,N");

        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(base + "imports");
            logIn(page, "curator");
            assertThat(page.locator("h1")).hasText("Import");
            page.getByLabel("File (CSV", new Page.GetByLabelOptions().setExact(false)).setInputFiles(
                    new FilePayload("spring-list.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)));
            page.locator("button", new Page.LocatorOptions().setHasText("Upload and check")).click();

            assertThat(page.locator("h1")).hasText("Import spring-list.csv");
            assertThat(page.locator("#import-status")).containsText("nothing has changed yet");
            assertThat(page.locator("#rows caption")).hasText("What each row would do");
            assertThat(page.locator("#row-1")).containsText("NEW");
            assertThat(page.locator("#row-1")).containsText(first);
            assertThat(page.locator("#row-2")).containsText("NEW");
            asCurator().get("/api/v1/resources/{id}", first).then().statusCode(404);
            String importPath = page.url().substring(page.url().indexOf("/imports/"));

            page.getByLabel("Reason (every new version carries it)").fill("the spring list");
            page.locator("button", new Page.LocatorOptions().setHasText("Apply 2 rows")).click();
            assertThat(page.locator("[role=status]")).containsText("Applied");
            assertThat(page.locator("#import-status")).hasText("Applied");

            // a reload of the apply (or a second click) applies nothing again
            String token = page.locator("form[action$='/revert'] input[name=csrf-token]").getAttribute("value");
            APIResponse again = context.request().post(base + importPath.substring(1) + "/apply",
                    RequestOptions.create().setForm(FormData.create().set("csrf-token", token).set("reason", "again"))
                            .setMaxRedirects(0));
            org.assertj.core.api.Assertions.assertThat(again.status()).isEqualTo(409);
            org.assertj.core.api.Assertions.assertThat(again.text()).contains("was already applied", "nothing was done again");

            page.locator("#row-1 a[href='/resources/" + first + "']").click();
            assertThat(page.locator("h1")).hasText("Browser import one");
            assertThat(page.locator("main")).containsText("the spring list (import ");
            page.navigate(base + importPath.substring(1));

            page.getByLabel("Reason for reverting").fill("wrong list");
            page.locator("button", new Page.LocatorOptions().setHasText("Revert this import")).click();
            assertThat(page.locator("#import-status")).hasText("Reverted");
        }
        asCurator().get("/api/v1/resources/{id}", first).then().statusCode(200).body("version", equalTo(2))
                .body("status", equalTo("WITHDRAWN"));
        asCurator().get("/api/v1/resources/{id}/versions/1", second).then().statusCode(200)
                .body("snapshot.modalities.ct", equalTo("N"));
    }

    private static void logIn(Page page, String user) {
        assertThat(page.locator("input[name=username]")).isVisible();
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(user);
        page.locator("[name=login]").click();
        page.waitForURL(url -> !url.contains("/realms/"));
    }
}
