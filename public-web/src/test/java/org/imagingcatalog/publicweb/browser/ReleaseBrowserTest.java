package org.imagingcatalog.publicweb.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Releasing;
import org.imagingcatalog.publicweb.support.Releasing.Cut;
import org.imagingcatalog.testsupport.browser.ChromiumExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17, part 1: a reader finds a release from the site's navigation, in Chromium, and axe finds nothing serious. */
@QuarkusTest
class ReleaseBrowserTest {

    @RegisterExtension
    static final ChromiumExtension chromium = new ChromiumExtension();

    @TestHTTPResource("/")
    URL base;

    @Test
    void aReaderFollowsTheNavigationToAReleaseAndItsChanges() throws IOException {
        String word = Entries.unique("browse-release");
        Resource kept = Entries.resource(word + "-kept", "Kept " + word, "YNNNYU", "kept", List.of(word));
        Resource added = Entries.resource(word + "-added", "Added " + word, "NYNNYU", "added", List.of(word));
        String first = Entries.unique("r");
        Releasing.publish(new Cut(first, null, Instant.parse("2026-08-01T10:00:00Z"), null, 1),
                List.of(Releasing.frozen(kept, 1, ResourceStatus.ACTIVE)), 1);
        String second = Entries.unique("r");
        Releasing.publish(new Cut(second, "The August cut.", Instant.parse("2026-09-01T10:00:00Z"), first, 2),
                List.of(Releasing.frozen(kept, 2, ResourceStatus.WITHDRAWN), Releasing.frozen(added, 1,
                        ResourceStatus.ACTIVE)), 2);

        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.navigate(base.toString());
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Releases")).click();
            page.waitForURL(Pattern.compile("/releases$"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Release " + second)).click();
            page.waitForURL(Pattern.compile("/releases/" + Pattern.quote(second) + "$"));
            assertThat(page.locator("h1").textContent()).isEqualTo("Release " + second);
            assertThat(page.locator("#withdrawn").textContent()).contains("Kept " + word);
            assertThat(page.locator("#added").textContent()).contains("Added " + word);
            assertThat(page.locator("#exports a").count()).isEqualTo(7);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Added " + word)).click();
            page.waitForURL(Pattern.compile("/resources/" + added.id() + "$"));
        }

        String axe = axeScript();
        for (String path : List.of("releases", "releases/" + second, "releases/" + first)) {
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
        try (InputStream in = ReleaseBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in).as("axe.min.js from com.deque.html.axe-core:selenium").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
