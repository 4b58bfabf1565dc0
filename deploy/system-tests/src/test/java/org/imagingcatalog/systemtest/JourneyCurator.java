package org.imagingcatalog.systemtest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** A curator in the browser, logged in through Keycloak: the review queue and the resources' pages. */
final class JourneyCurator {

    final Page page;
    final String curationUrl;
    private final String keycloakUrl;
    private boolean loggedIn;

    JourneyCurator(Page page, String curationUrl, String keycloakUrl) {
        this.page = page;
        this.curationUrl = curationUrl;
        this.keycloakUrl = keycloakUrl;
    }

    /** Logs in as curator/curator on Keycloak's page the first time; the session cookie keeps it afterwards. */
    void logInOnce() {
        if (!loggedIn) {
            CuratorLogin.logIn(page, curationUrl, keycloakUrl, "curator", "curator");
            loggedIn = true;
        }
    }

    /**
     * Filters the queue to open submissions of one kind and opens the one sent under {@code contributorName}.
     * The submission travels through Kafka, so the curator reloads until it is there.
     */
    void openQueued(String kind, String contributorName, Duration timeout) {
        openQueued(kind, contributorName, 1, timeout);
    }

    /** The same for a submission in its {@code revision}th round: the queue and the review page say which. */
    void openQueued(String kind, String contributorName, int revision, Duration timeout) {
        logInOnce();
        page.navigate(curationUrl + "/");
        page.locator("#kind").selectOption(kind);
        page.locator("#status").selectOption("RECEIVED");
        page.locator("form.filters button").click();
        page.waitForURL(url -> url.contains("kind=" + kind));
        Locator row = page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText(contributorName));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (row.count() == 0 && System.nanoTime() < deadline) {
            page.waitForTimeout(200);
            page.reload();
        }
        assertThat(row).hasCount(1);
        assertThat(row).containsText("RECEIVED");
        if (revision > 1) {
            assertThat(row.locator("td").nth(1)).containsText("Revision " + revision);
        } else {
            assertThat(row.locator("td").nth(1)).not().containsText("Revision");
        }
        row.locator("a[href^='/review/']").click();
        assertThat(page.locator("h1")).hasText("Review: " + kind.toLowerCase() + " submission");
        assertThat(page.locator("dl.fields dt:text-is('Round') + dd")).hasText("Revision " + revision);
        // opening a review changes nothing: it stays RECEIVED and unclaimed until a curator claims it
        assertThat(page.locator("dl.fields dt:text-is('Status') + dd")).hasText("RECEIVED");
        assertThat(page.locator("dl.fields dt:text-is('Claim') + dd")).hasText("Not claimed");
    }

    /** Claims the open review: back on the review page, shown IN_REVIEW and claimed by this curator. */
    void claim() {
        page.locator("form[action$='/claim'] button").click();
        assertThat(page.locator("dl.fields dt:text-is('Status') + dd")).hasText("IN_REVIEW");
        assertThat(page.locator("dl.fields dt:text-is('Claim') + dd")).containsText("Claimed by curator");
        assertThat(page.locator("form[action$='/claim']")).hasCount(0);
    }

    void openResource(String resourceId) {
        logInOnce();
        page.navigate(curationUrl + "/resources/" + resourceId);
    }
}
