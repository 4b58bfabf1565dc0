package org.imagingcatalog.publicweb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Seed;
import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Acceptance 7: a reader in a real (headless) Chromium, and axe-core's accessibility check. */
@QuarkusTest
class BrowserTest {

    private static final String WORD = Entries.unique("browser");
    private static final String WANTED = Entries.unique("browsed");
    private static final String OTHER = Entries.unique("skipped");
    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();
    private static boolean published;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void publishOnce() {
        Seed.publishOnce();
        if (published) {
            return;
        }
        published = true;
        Entries.publish(Entries.resource(WANTED, "Wanted chest CT " + WORD, "YNUNYU", "chest CT scans", List.of(WORD)));
        Entries.publish(Entries.resource(OTHER, "Other X-ray " + WORD, "NYNNNN", "x-ray", List.of(WORD)));
        Entries.awaitVersion(WANTED, 1);
        Entries.awaitVersion(OTHER, 1);
    }

    @Test
    void searchFilterOpenAResourceAndFollowTheCorrectionLink() {
        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(base.toString());
            page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search")).fill(WORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
            page.waitForURL(Pattern.compile("[?&]q=" + WORD));
            assertThat(page.locator("tbody tr").count()).isEqualTo(2);

            page.selectOption("#ct", "Y");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
            page.waitForURL(Pattern.compile("[?&]ct=Y(&|$)"));
            assertThat(page.locator("tbody tr").count()).isEqualTo(1);
            assertThat(page.locator("tbody tr").first().textContent()).contains("Wanted chest CT");

            page.getByText("Wanted chest CT " + WORD).click();
            page.waitForURL(Pattern.compile("/resources/" + WANTED + "$"));
            assertThat(page.locator("h1").textContent()).isEqualTo("Wanted chest CT " + WORD);

            String correction = "http://submission.test:8081/correct/" + WANTED;
            assertThat(page.locator("#suggest-correction").getAttribute("href")).isEqualTo(correction);
            // the submission service is not part of this test: the browser lands on a stand-in page
            context.route("http://submission.test:8081/**", route -> route.fulfill(new Route.FulfillOptions()
                    .setStatus(200).setContentType("text/html").setBody("<title>Correction form</title>")));
            page.locator("#suggest-correction").click();
            page.waitForURL(correction);
            assertThat(page.url()).isEqualTo(correction);
        }
    }

    @Test
    void noSeriousOrCriticalAccessibilityViolations() throws IOException {
        String axe = axeScript();
        // issue 15: a page with a lineage drawing, its risk-of-bias table and lists; the overlap check's form and
        // answer; the catalog with the trust filters set
        for (String path : List.of("", "?q=" + WORD, "resources/" + WANTED, "stats", "about",
                "resources/covid-19-radiography-database", "resources/cord-19", "overlap",
                "overlap?ids=covid-19-radiography-database&ids=covid-chestxray-dataset&ids=cord-19",
                "?excludePaediatric=true&population=MIXED")) {
            // axe is injected as a script, which the pages' own CSP rightly forbids
            try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
                Page page = context.newPage();
                page.navigate(base + path);
                page.addScriptTag(new Page.AddScriptTagOptions().setContent(axe));
                String result = (String) page.evaluate("async () => JSON.stringify((await axe.run()).violations"
                        + ".map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length})))");
                JsonNode violations = EventJson.mapper().readTree(result);
                violations.forEach(v -> assertThat(v.get("impact").asText()).as("/%s: %s", path, v)
                        .isNotIn("serious", "critical"));
            }
        }
    }

    private static String axeScript() throws IOException {
        try (InputStream in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
