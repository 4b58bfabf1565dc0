package org.imagingcatalog.submission.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The new-resource form in a real headless Chromium: an error, fixed, sent, then followed to its tracking page. */
@QuarkusTest
class ContributeBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TestHTTPResource("/")
    URL base;

    @Test
    void proposeFixAnErrorSubmitAndFollowTheTrackingLink() {
        try (Page page = chromium.browser().newPage()) {
            page.navigate(base + "new");
            assertThat(page.title()).contains("Propose a new resource");

            page.getByLabel("Address (URL)").fill("https://example.org/browser-dataset");
            page.getByLabel("Description").fill("Knee MRI studies.");
            page.locator("input[name=mri][value=Y]").check();
            page.getByLabel("Access").selectOption("REGISTRATION");
            page.getByLabel("Your e-mail address").fill("browser@example.org");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Send the proposal")).click();

            // the error sits next to the name field, tied to it, and the other input is kept
            Locator nameError = page.locator("#name-error");
            assertThat(nameError.textContent()).isEqualTo("Name is required.");
            assertThat(page.locator("#name").getAttribute("aria-describedby")).contains("name-error");
            assertThat(page.locator(".error-summary a[href='#name']").count()).isEqualTo(1);
            assertThat(page.getByLabel("Address (URL)").inputValue()).isEqualTo("https://example.org/browser-dataset");
            assertThat(page.getByLabel("Description").inputValue()).isEqualTo("Knee MRI studies.");
            assertThat(page.locator("input[name=mri][value=Y]").isChecked()).isTrue();
            assertThat(page.getByLabel("Access").inputValue()).isEqualTo("REGISTRATION");

            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Browser knee MRI");
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Send the proposal")).click();

            assertThat(page.locator("h1").textContent()).contains("your submission was received");
            assertThat(page.url()).as("Post/Redirect/Get: the browser lands on the tracking page")
                    .matches(".*/track/[A-Za-z0-9_-]{43}");
            assertThat(page.content()).contains("write to the e-mail address you gave").doesNotContain("browser@example.org");
            page.locator("#tracking-link").click();

            assertThat(page.url()).matches(".*/track/[A-Za-z0-9_-]{43}");
            assertThat(page.locator("#status").textContent()).isEqualTo("RECEIVED");
            assertThat(page.content()).contains("Browser knee MRI").doesNotContain("browser@example.org");
        }
    }
}
