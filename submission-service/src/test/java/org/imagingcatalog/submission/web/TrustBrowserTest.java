package org.imagingcatalog.submission.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.submission.support.Catalog;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.submission.support.Trusted;
import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The trust part of the forms in a real headless Chromium, without JavaScript: a contributor answers the plain-words
 * questions, links the dataset to a catalog entry picked by name, fixes an identifier the page refused, and sends;
 * a correction of the description alone leaves every trust field as published.
 */
@QuarkusTest
class TrustBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TestHTTPResource("/")
    URL base;

    /** A browser with JavaScript off: the forms need none. */
    private static BrowserContext withoutJavaScript() {
        return chromium.browser().newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false));
    }

    @Test
    void fillTheTrustPartFixTheRefusedIdentifierAndSend() {
        String sourceName = "Browser source " + Proposals.uniqueSlug("b");
        String source = Catalog.publishedEntry("browser-source", sourceName);
        try (BrowserContext context = withoutJavaScript(); Page page = context.newPage()) {
            page.navigate(base + "new");
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Browser trusted CT");
            page.getByLabel("Address (URL)").fill("https://example.org/browser-trusted");

            // the plain-words choices, "Unknown / not stated" chosen until the contributor says otherwise
            assertThat(page.locator("#referenceStandard").isChecked()).isTrue();
            page.getByLabel("RT-PCR: labels confirmed by a laboratory test (RT-PCR)").check();
            page.getByLabel("Paediatric: children only").check();
            page.getByLabel("From publications: images copied from papers or web pages").check();
            page.getByLabel("Risk of bias: Participants").selectOption(new SelectOption().setLabel("High"));
            page.getByLabel("Why: Participants").fill("children's pneumonia images as controls");

            page.locator("#identifiers-0-scheme").selectOption(new SelectOption().setLabel("DOI"));
            page.locator("#identifiers-0-value").fill("zenodo 3757476");
            page.locator("#relations-0-type").selectOption(new SelectOption().setLabel("takes images from"));
            page.locator("#relations-0-target").selectOption(new SelectOption().setLabel(sourceName + " (" + source + ")"));
            page.locator("#relations-0-note").fill("COVID-19 positives");
            page.locator("#relations-1-type").selectOption(new SelectOption().setLabel("is part of"));
            page.locator("#relations-1-external").fill("https://www.kaggle.com/c/rsna-pneumonia-detection-challenge");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "trust-form-filled.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the proposal")).click();

            // refused beside the identifier, tied to it, everything else kept
            assertThat(page.locator("#identifiers-0-value-error").textContent())
                    .startsWith("Identifier 1 must be a DOI").contains("zenodo 3757476");
            assertThat(page.locator("#identifiers-0-value").getAttribute("aria-describedby"))
                    .contains("identifiers-0-value-error");
            assertThat(page.locator(".error-summary a[href='#identifiers-0-value']").count()).isEqualTo(1);
            assertThat(page.getByLabel("Paediatric: children only").isChecked()).isTrue();
            assertThat(page.locator("#relations-0-target").inputValue()).isEqualTo(source);
            assertThat(page.locator("#relations-1-external").inputValue())
                    .isEqualTo("https://www.kaggle.com/c/rsna-pneumonia-detection-challenge");
            assertThat(page.getByLabel("Why: Participants").inputValue()).isEqualTo("children's pneumonia images as controls");
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(Path.of("target", "screenshots", "trust-form-refused.png")));

            page.locator("#identifiers-0-value").fill("https://doi.org/10.5281/zenodo.3757476");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the proposal")).click();

            assertThat(page.locator("h1").textContent()).contains("your submission was received");
            String content = page.content();
            assertThat(content).contains("This dataset takes images from " + source + " (COVID-19 positives)")
                    .contains("This dataset is part of https://www.kaggle.com/c/rsna-pneumonia-detection-challenge")
                    .contains("Paediatric: children only")
                    .contains("doi 10.5281/zenodo.3757476");
            String token = Catalog.token(page.url());
            String id = given().get("/api/v1/submissions/" + token).then().statusCode(200).extract().path("id");
            JsonNode proposed = Catalog.received(id, 1).get(0).get("proposed");
            assertThat(proposed.get("referenceStandard").asText()).isEqualTo("RT_PCR");
            assertThat(proposed.get("population").asText()).isEqualTo("PAEDIATRIC");
            assertThat(proposed.get("imageSource").asText()).isEqualTo("FROM_PUBLICATIONS");
            assertThat(proposed.at("/riskOfBias/participants/risk").asText()).isEqualTo("HIGH");
            assertThat(proposed.at("/relations/0/type").asText()).isEqualTo("IsDerivedFrom");
            assertThat(proposed.at("/relations/0/target").asText()).isEqualTo(source);
            assertThat(proposed.at("/relations/1/type").asText()).isEqualTo("IsPartOf");
            assertThat(proposed.at("/identifiers/0/value").asText()).isEqualTo("10.5281/zenodo.3757476");
        }
    }

    @Test
    void aCorrectionOfTheDescriptionInTheBrowserSendsOnlyTheDescription() {
        String source = Catalog.publishedEntry("browser-keep-source", "Browser keep source");
        String id = Catalog.publish(Trusted.resource(Proposals.uniqueSlug("browser-keep"), "Browser keep", source));
        try (BrowserContext context = withoutJavaScript(); Page page = context.newPage()) {
            page.navigate(base + "correct/" + id);
            assertThat(page.getByLabel("From reports or captions: labels read from radiology reports, papers or figure captions")
                    .isChecked()).isTrue();
            assertThat(page.locator("#relations-0-target").inputValue()).isEqualTo(source);
            assertThat(page.locator("#relations-2-type").inputValue()).isEqualTo("Cites");
            assertThat(page.locator("#relations-2-external").inputValue()).isEqualTo(Trusted.CITED_DOI);

            page.getByLabel("Description").fill("Chest radiographs of COVID-19 patients and controls.");
            page.getByLabel("What is wrong, and how do you know?").fill("The provider's page describes the controls.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the correction")).click();

            assertThat(page.locator("h1").textContent()).contains("your submission was received");
            String submissionId = given().get("/api/v1/submissions/" + Catalog.token(page.url())).then().statusCode(200)
                    .extract().path("id");
            JsonNode patch = Catalog.received(submissionId, 1).get(0).get("patch");
            List<String> names = new ArrayList<>();
            patch.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("description");
        }
    }
}
