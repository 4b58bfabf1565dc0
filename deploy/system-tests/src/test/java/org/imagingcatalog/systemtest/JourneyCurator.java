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
        row.locator("a").click();
        assertThat(page.locator("h1")).hasText("Review: " + kind.toLowerCase() + " submission");
    }

    void openResource(String resourceId) {
        logInOnce();
        page.navigate(curationUrl + "/resources/" + resourceId);
    }
}
