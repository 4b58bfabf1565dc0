package org.imagingcatalog.curation.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.net.URL;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Headless Chromium against the real Keycloak login page and the curation UI (always as http://localhost). */
@QuarkusTest
class BrowserReviewTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCuratorLogsInEditsAFieldAcceptsAndSeesTheNewVersionInTheHistory() {
        String id = Submissions.uniqueId("browser");
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(id), "found it");
        awaitQueued(event.submissionId());

        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(base + "");
            logIn(page, "curator");
            assertThat(page.locator("h1")).hasText("Review queue");

            page.locator("a[href='/review/" + event.submissionId() + "']").click();
            assertThat(page.locator("h1")).containsText("new submission");
            page.getByLabel("Description").fill("Checked by the curator in a browser.");
            page.getByLabel("CT", new Page.GetByLabelOptions().setExact(true)).selectOption("Y");
            page.getByLabel("Message to the contributor").fill("Welcome to the catalog.");
            page.locator("button[value=ACCEPT]").click();

            assertThat(page.locator("h1")).hasText("Collection " + id);
            assertThat(page.locator("[role=status]")).containsText("version 1");
            assertThat(page.locator("#version-1")).containsText("Welcome to the catalog.");
            assertThat(page.locator("#version-1")).containsText("curator");
            assertThat(page.locator("main")).containsText("Checked by the curator in a browser.");
        }
        asCurator().get("/api/v1/resources/{id}/versions/1", id).then().statusCode(200)
                .body("snapshot.modalities.ct", equalTo("Y"))
                .body("snapshot.description", equalTo("Checked by the curator in a browser."))
                .body("sourceSubmissionId", equalTo(event.submissionId().toString()));
    }

    @Test
    void aContributorIsForbidden() {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(base + "");
            logIn(page, "contributor");
            assertThat(page.locator("h1")).hasText("Forbidden");
            assertThat(page.locator("main")).containsText("Only curators");
        }
    }

    private static void logIn(Page page, String user) {
        assertThat(page.locator("input[name=username]")).isVisible();
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(user);
        page.locator("[name=login]").click();
        page.waitForURL(url -> !url.contains("/realms/"));
    }
}
