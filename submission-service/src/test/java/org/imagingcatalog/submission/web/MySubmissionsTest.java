package org.imagingcatalog.submission.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Optional login through the real Keycloak: a contributor sees their own submissions; nobody has to log in. */
@QuarkusTest
class MySubmissionsTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TestHTTPResource("/")
    URL base;

    @Test
    void mySubmissionsNeedsALoginButContributingDoesNot() {
        given().redirects().follow(false).when().get("/my").then().statusCode(302);
        given().when().get("/new").then().statusCode(200);
    }

    @Test
    void aLoggedInContributorSeesTheirOwnSubmissions() {
        try (BrowserContext context = chromium.browser().newContext(); Page page = context.newPage()) {
            page.navigate(base + "login");
            page.locator("#username").fill("contributor");
            page.locator("#password").fill("contributor");
            page.locator("[name=login]").click();
            page.waitForURL("**/my");
            assertThat(page.locator("h1").textContent()).isEqualTo("My submissions");
            assertThat(page.content()).contains("You have not submitted anything while logged in yet");

            page.navigate(base + "new");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Logged-in proposal");
            page.getByLabel("Address (URL)").fill("https://example.org/logged-in");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the proposal")).click();
            assertThat(page.locator("h1").textContent()).contains("your submission was received");

            page.navigate(base + "my");
            assertThat(page.locator("table").textContent()).contains("Logged-in proposal").contains("RECEIVED");
        }
    }

    @Test
    void aCuratorWithoutTheContributorRoleIsRefused() {
        try (BrowserContext context = chromium.browser().newContext(); Page page = context.newPage()) {
            page.navigate(base + "login");
            page.locator("#username").fill("curator");
            page.locator("#password").fill("curator");
            page.locator("[name=login]").click();
            page.waitForURL("**/my");
            com.microsoft.playwright.Response my = page.navigate(base + "my");
            assertThat(my.status()).isEqualTo(403);
            assertThat(page.content()).contains("is for accounts with the contributor role");
            assertThat(page.content()).doesNotContain("My submissions</h1>");
        }
    }
}
