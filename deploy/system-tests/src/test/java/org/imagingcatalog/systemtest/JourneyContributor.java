package org.imagingcatalog.systemtest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** A contributor in the browser: submission-service's forms and the private tracking page. */
final class JourneyContributor {

    /** Where a submission can be followed: the path of the private tracking link. */
    record Tracking(String path) {
        String token() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private static final Set<String> FLAGS = Set.of("ct", "xray", "mri", "ultrasound", "metadata", "caseReview");

    final Page page;
    private final String submissionUrl;

    JourneyContributor(Page page, String submissionUrl) {
        this.page = page;
        this.submissionUrl = submissionUrl;
    }

    /** Types into the form's fields by name: text inputs and text areas, Y/N/U radio flags, the access list. */
    void fill(Map<String, String> fields) {
        fields.forEach((name, value) -> {
            if (FLAGS.contains(name)) {
                page.locator("input[name=" + name + "][value=" + value + "]").check();
            } else if (name.equals("access")) {
                page.locator("#access").selectOption(value);
            } else {
                page.locator("#" + name).fill(value);
            }
        });
    }

    void press(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
    }

    /**
     * Sends a form that is expected to be accepted. Post/Redirect/Get: the browser lands on the private tracking
     * page, which says thank you this once and shows the link; returns it.
     */
    Tracking send(String button) {
        press(button);
        assertThat(page.locator("h1")).hasText("Thank you: your submission was received");
        Locator link = page.locator("#tracking-link");
        String path = link.getAttribute("href");
        assertThat(link).hasText(submissionUrl + path);
        org.assertj.core.api.Assertions.assertThat(path).matches("/track/[A-Za-z0-9_-]{20,}");
        org.assertj.core.api.Assertions.assertThat(page.url()).as("the form redirected to its tracking page")
                .isEqualTo(submissionUrl + path);
        return new Tracking(path);
    }

    /** Sends the revision form of the tracking page; the page comes back thanking for revision {@code revision}. */
    void sendRevision(Tracking tracking, int revision) {
        press("Send the revision");
        assertThat(page.locator("h1")).hasText("Thank you: your revision was received");
        assertThat(page.locator("[role=status]")).containsText("This is revision " + revision + " of your submission");
        org.assertj.core.api.Assertions.assertThat(page.url()).as("the revision redirected to the tracking page")
                .isEqualTo(submissionUrl + tracking.path());
    }

    String trackingApi(Tracking tracking) {
        return submissionUrl + "/api/v1/submissions/" + tracking.token();
    }

    /** Opens the tracking page and reloads it, as someone waiting would, until it shows {@code status}. */
    void awaitStatus(Tracking tracking, String status, Duration timeout) {
        page.navigate(submissionUrl + tracking.path());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!status.equals(page.locator("#status").textContent()) && System.nanoTime() < deadline) {
            page.waitForTimeout(200);
            page.reload();
        }
        assertThat(page.locator("#status")).hasText(status);
    }
}
