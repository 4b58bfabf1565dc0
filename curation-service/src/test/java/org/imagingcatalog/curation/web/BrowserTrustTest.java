package org.imagingcatalog.curation.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.net.URL;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Headless Chromium: a curator edits an entry's trust fields and finds them on its page and in the history's diff. */
@QuarkusTest
class BrowserTrustTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aCuratorEditsTheTrustFieldsAndSeesThemOnTheResourcePageAndInTheHistoryDiff() {
        String id = CurationApi.createResource("browser-trust");

        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(base + "resources/" + id + "/edit");
            logIn(page, "curator");
            assertThat(page.locator("h1")).hasText("Edit Collection " + id);

            label(page, "Reference standard").selectOption("RT_PCR");
            label(page, "Relation 1: type").selectOption("IsDerivedFrom");
            label(page, "Relation 1: target").fill("covid-chestxray-dataset");
            label(page, "Relation 1: note").fill("COVID-19 positives");
            label(page, "Risk of bias: participants").selectOption("HIGH");
            label(page, "Reason for the participants judgement").fill("paediatric pneumonia images as controls");
            label(page, "Source 1: field").fill("referenceStandard");
            label(page, "Source 1: verified from").fill("https://example.org/methods");
            label(page, "Source 1: verified today by me").check();
            label(page, "Reason for the change").fill("trust fields from the paper");
            page.locator("button", new Page.LocatorOptions().setHasText("Save as version 2")).click();

            assertThat(page.locator("h1")).hasText("Collection " + id);
            assertThat(page.locator("[role=status]")).containsText("version 2");
            assertThat(page.locator("dd.trust-referenceStandard")).hasText("an RT-PCR test");
            assertThat(page.locator("dd.trust-relations a")).hasText("covid-chestxray-dataset");
            assertThat(page.locator("dd.trust-relations")).containsText("IsDerivedFrom covid-chestxray-dataset (COVID-19 positives)");
            assertThat(page.locator("dd.trust-riskOfBias")).containsText("participants: HIGH: paediatric pneumonia images as controls");
            assertThat(page.locator("table.trust-provenance")).containsText("reference standard");
            assertThat(page.locator("table.trust-provenance")).containsText("curator");
            assertThat(page.locator("#version-2")).containsText("trust fields from the paper");

            page.locator("#version-2 a", new Page.LocatorOptions().setHasText("vs 1")).click();
            assertThat(page.locator("h1")).containsText("version 1 compared with version 2");
            Locator rows = page.locator("tbody tr");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("reference standard")).first())
                    .containsText("UNKNOWN");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("reference standard")).first())
                    .containsText("RT_PCR");
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("relations")))
                    .containsText("IsDerivedFrom covid-chestxray-dataset (COVID-19 positives)");
            assertThat(page.locator("tbody th", new Page.LocatorOptions().setHasText("risk of bias: participants")).first())
                    .isVisible();
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("risk of bias: participants, reason")))
                    .containsText("paediatric pneumonia images as controls");
        }
        asCurator().get("/api/v1/resources/{id}", id).then().statusCode(200).body("version", equalTo(2))
                .body("snapshot.referenceStandard", equalTo("RT_PCR"))
                .body("snapshot.riskOfBias.participants.risk", equalTo("HIGH"))
                .body("snapshot.provenance.referenceStandard.verifiedBy", equalTo("curator"));
    }

    private static Locator label(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static void logIn(Page page, String user) {
        assertThat(page.locator("input[name=username]")).isVisible();
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(user);
        page.locator("[name=login]").click();
        page.waitForURL(url -> !url.contains("/realms/"));
    }
}
