package org.imagingcatalog.systemtest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;

/**
 * How a curator gets in: the curation UI sends the browser to the realm's own Keycloak login page, which
 * sends it back once the password is right.
 *
 * <p>Keycloak (on plain http here) marks its login cookies {@code Secure; SameSite=None}. Java's cookie store
 * drops those on http, which is why curation-service's WebSession strips the flag; Chromium treats
 * http://localhost as a secure context and keeps them, so a real browser needs no workaround.
 */
final class CuratorLogin {

    private CuratorLogin() {
    }

    /** Opens the curation UI logged out, logs in on Keycloak's page and lands on the review queue. */
    static void logIn(Page page, String curationUrl, String keycloakUrl, String user, String password) {
        logIn(page, curationUrl, "/", keycloakUrl, user, password);
        assertThat(page.locator("h1")).hasText("Review queue");
    }

    /** Opens one page of the curation UI logged out (for catalog-admin, who has no queue), logs in and lands there. */
    static void logIn(Page page, String curationUrl, String path, String keycloakUrl, String user, String password) {
        page.navigate(curationUrl + path);
        // the real login page of the realm, not a form of the service
        page.waitForURL(url -> url.startsWith(keycloakUrl + "/realms/imaging-catalog/"));
        org.assertj.core.api.Assertions.assertThat(page.url())
                .startsWith(keycloakUrl + "/realms/imaging-catalog/protocol/openid-connect/auth?")
                .contains("client_id=curation-service");
        assertThat(page.locator("#kc-form-login")).isVisible();
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.locator("[name=login]").click();
        page.waitForURL(url -> url.startsWith(curationUrl + path));
        assertThat(page.locator("nav[aria-label=Main]")).containsText("Log out " + user);
    }
}
