package org.imagingcatalog.systemtest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * The catalog's three kinds of users on the whole stack, in headless Chromium: a contributor proposes,
 * a curator logged in through Keycloak edits and decides, the public catalog and the contributor's
 * tracking page show the outcome. The journeys follow one resource through its life (proposal, correction,
 * revert, withdrawal), so they run in order; a later journey is skipped when the one it builds on failed.
 * Every curator click is timed until the public catalog (and the tracking page) show its effect.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneysIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(30);
    /** Unique per run, so reruns against a reused database never collide. */
    private static final String RUN = "j" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36);

    private static final String LUNG_ID = "journey-lung-" + RUN;
    private static final String LUNG_NAME = "Journey lung CT " + RUN;
    private static final String KNEE_ID = "journey-knee-" + RUN;
    private static final String KNEE_NAME = "Journey knee MRI " + RUN;

    private static CatalogStack stack;
    private static BrowserSession browser;
    private static JourneyContributor contributor;
    private static JourneyCurator curator;
    private static final JourneyLatency latency = new JourneyLatency();

    // what each journey leaves for the next ones
    private static boolean lungPublished;
    private static boolean lungCorrected;
    private static boolean kneePublished;

    @BeforeAll
    static void openBrowsers() {
        stack = CatalogStack.shared();
        browser = BrowserSession.launch();
        contributor = new JourneyContributor(browser.newPerson(), stack.submission.url());
        curator = new JourneyCurator(browser.newPerson(), stack.curation.url(), stack.keycloakUrl);
    }

    @AfterAll
    static void report() {
        Path root = Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize();
        try {
            latency.report(root.resolve("deploy/system-tests/target/reliability/journeys.md"));
        } finally {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void aProposalWithAFixedErrorIsEditedByTheCuratorAcceptedAndPublished() {
        Page page = contributor.page;
        page.navigate(stack.submission.url() + "/new");
        assertThat(page.locator("h1")).hasText("Propose a new resource");
        Map<String, String> proposal = new LinkedHashMap<>();
        proposal.put("id", LUNG_ID);
        proposal.put("url", "not a web address");
        proposal.put("description", "Chest CT scans of COVID-19 patients (" + RUN + ").");
        proposal.put("provider", "Journey Hospital");
        proposal.put("ct", "Y");
        proposal.put("xray", "N");
        proposal.put("access", "REGISTRATION");
        proposal.put("images", "500");
        proposal.put("submitterName", "Journey proposer " + RUN);
        contributor.fill(proposal);
        contributor.press("Send the proposal");

        // the form comes back with each error next to its field, and everything typed still there
        assertThat(page.locator("h1")).hasText("Propose a new resource");
        assertThat(page.locator("#error-summary")).containsText("2 things need fixing");
        // each message sits in its field's own box, tied to the input for screen readers
        assertThat(page.locator(".field-error:has(#name) #name-error")).hasText("Name is required.");
        assertThat(page.locator("#name")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator(".field-error:has(#url) #url-error")).not().isEmpty();
        assertThat(page.locator("#url")).hasAttribute("aria-describedby", "url-help url-error");
        assertThat(page.locator("#url")).hasValue("not a web address");
        assertThat(page.locator("#id")).hasValue(LUNG_ID);
        assertThat(page.locator("#description")).hasValue(proposal.get("description"));
        assertThat(page.locator("#images")).hasValue("500");
        assertThat(page.locator("input[name=ct][value=Y]")).isChecked();
        assertThat(page.locator("#access")).hasValue("REGISTRATION");

        contributor.fill(Map.of("name", LUNG_NAME, "url", "https://example.org/journey/" + RUN));
        JourneyContributor.Tracking tracking = contributor.send("Send the proposal");
        page.locator("#tracking-link").click();
        assertThat(page.locator("#status")).hasText("RECEIVED");
        assertThat(page.locator("main")).containsText(LUNG_NAME);

        curator.logInOnce();
        curator.openQueued("NEW", "Journey proposer " + RUN, EVENTUAL);
        Page review = curator.page;
        assertThat(review.locator("main")).containsText(LUNG_NAME);
        assertThat(review.locator("#f-provider")).hasValue("Journey Hospital");
        String provider = "Journey University Hospital " + RUN;
        review.locator("#f-provider").fill(provider);
        String message = "Welcome to the catalog; I wrote the provider's full name.";
        review.locator("#message").fill(message);

        String resourceApi = stack.publicWeb.url() + "/api/v1/resources/" + LUNG_ID;
        latency.click("accept a new resource, provider edited", () -> review.locator("button[value=ACCEPT]").click(),
                latency.watch(JourneyLatency.PUBLIC, resourceApi,
                        r -> r.status() == 200 && provider.equals(r.json().path("provider").asText())),
                latency.watch(JourneyLatency.TRACKING, contributor.trackingApi(tracking),
                        r -> "ACCEPTED".equals(r.json().path("status").asText())));
        assertThat(review.locator("h1")).hasText(LUNG_NAME);
        assertThat(review.locator("[role=status]")).hasText("Submission accepted: version 1 is published.");

        // a reader finds it by searching the public catalog, with the curator's value
        page.navigate(stack.publicWeb.url() + "/");
        page.locator("#q").fill(RUN);
        page.locator("form[role=search] button[type=submit]").click();
        page.waitForURL(url -> url.contains("q=" + RUN));
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName(LUNG_NAME).setExact(true)).click();
        assertThat(page.locator("h1")).hasText(LUNG_NAME);
        assertThat(publicField(page, "Provider")).hasText(provider);
        assertThat(publicField(page, "Access")).hasText("free after registration");
        assertThat(publicField(page, "Version")).containsText("1,");

        contributor.awaitStatus(tracking, "ACCEPTED", EVENTUAL);
        assertThat(page.locator("#curator-message")).hasText(message);
        lungPublished = true;
    }

    @Test
    @Order(2)
    void aCorrectionFromThePublicPageIsReviewedAsADiffAndAccepted() {
        assumeTrue(lungPublished, "the proposal journey did not publish the resource");
        Page page = contributor.page;
        page.navigate(stack.publicWeb.url() + "/resources/" + LUNG_ID);
        page.locator("#suggest-correction").click();
        page.waitForURL(stack.submission.url() + "/correct/" + LUNG_ID);
        assertThat(page.locator("h1")).hasText("Suggest a correction to “" + LUNG_NAME + "”");
        assertThat(page.locator("#images")).hasValue("500");
        contributor.fill(Map.of("images", "750", "comment", "The provider's page lists 750 images.",
                "submitterName", "Journey corrector " + RUN));
        JourneyContributor.Tracking tracking = contributor.send("Send the correction");

        curator.openQueued("CORRECTION", "Journey corrector " + RUN, EVENTUAL);
        Page review = curator.page;
        Locator diff = review.locator("table:has(caption:text-is('Current version compared with the proposal')) tbody tr");
        assertThat(diff).hasCount(1);
        assertThat(diff.locator("th")).hasText("image count");
        assertThat(diff.locator("td.diff-before")).hasText("500");
        assertThat(diff.locator("td.diff-after")).hasText("750");
        String message = "Checked on the provider's page: 750 images.";
        review.locator("#message").fill(message);

        latency.click("accept a correction", () -> review.locator("button[value=ACCEPT]").click(),
                latency.watch(JourneyLatency.PUBLIC, stack.publicWeb.url() + "/api/v1/resources/" + LUNG_ID,
                        r -> r.status() == 200 && r.json().path("version").asInt() == 2
                                && r.json().path("counts").path("images").asInt() == 750),
                latency.watch(JourneyLatency.TRACKING, contributor.trackingApi(tracking),
                        r -> "ACCEPTED".equals(r.json().path("status").asText())));
        assertThat(review.locator("[role=status]")).hasText("Submission accepted: version 2 is published.");

        page.navigate(stack.publicWeb.url() + "/resources/" + LUNG_ID);
        assertThat(publicField(page, "Images")).hasText("750");
        assertThat(publicField(page, "Version")).containsText("2,");
        Locator change = changeLogRow(page, 2);
        assertThat(change).containsText("image count changed from 500 to 750");
        assertThat(change).containsText(message);

        contributor.awaitStatus(tracking, "ACCEPTED", EVENTUAL);
        assertThat(page.locator("#curator-message")).hasText(message);
        lungCorrected = true;
    }

    @Test
    @Order(3)
    void requestedChangesReachTheContributorWhoseFollowUpIsAccepted() {
        Page page = contributor.page;
        page.navigate(stack.submission.url() + "/new");
        Map<String, String> proposal = new LinkedHashMap<>();
        proposal.put("id", KNEE_ID);
        proposal.put("name", KNEE_NAME);
        proposal.put("url", "https://example.org/knee/" + RUN);
        proposal.put("description", "Knee MRI studies (" + RUN + ").");
        proposal.put("mri", "Y");
        proposal.put("submitterName", "Journey requester " + RUN);
        contributor.fill(proposal);
        JourneyContributor.Tracking first = contributor.send("Send the proposal");

        curator.openQueued("NEW", "Journey requester " + RUN, EVENTUAL);
        Page review = curator.page;
        String request = "Please add the licence: the provider's page names one.";
        review.locator("#message").fill(request);
        latency.click("request changes", () -> review.locator("button[value=REQUEST_CHANGES]").click(),
                latency.watch(JourneyLatency.TRACKING, contributor.trackingApi(first),
                        r -> "CHANGES_REQUESTED".equals(r.json().path("status").asText())));
        Locator decided = review.locator("main p.notice");
        assertThat(decided).containsText("CHANGES_REQUESTED by curator");
        assertThat(decided).containsText(request);

        contributor.awaitStatus(first, "CHANGES_REQUESTED", EVENTUAL);
        assertThat(page.locator("#curator-message")).hasText(request);
        assertThat(Http.get(stack.publicWeb.url() + "/api/v1/resources/" + KNEE_ID).status())
                .as("nothing is published while changes are requested").isEqualTo(404);

        // the product's follow-up: a new proposal with what the curators asked for, from the site's own link
        page.locator("nav a[href='/new']").click();
        assertThat(page.locator("h1")).hasText("Propose a new resource");
        proposal.put("license", "CC-BY-4.0");
        proposal.put("comment", "Licence added as the curators asked on my earlier proposal.");
        contributor.fill(proposal);
        JourneyContributor.Tracking second = contributor.send("Send the proposal");

        curator.openQueued("NEW", "Journey requester " + RUN, EVENTUAL);
        assertThat(review.locator("main")).containsText("Licence added as the curators asked");
        review.locator("#message").fill("Thank you, accepted with the licence.");
        latency.click("accept the follow-up proposal", () -> review.locator("button[value=ACCEPT]").click(),
                latency.watch(JourneyLatency.PUBLIC, stack.publicWeb.url() + "/api/v1/resources/" + KNEE_ID,
                        r -> r.status() == 200 && "CC-BY-4.0".equals(r.json().path("license").asText())),
                latency.watch(JourneyLatency.TRACKING, contributor.trackingApi(second),
                        r -> "ACCEPTED".equals(r.json().path("status").asText())));
        kneePublished = true;

        page.navigate(stack.publicWeb.url() + "/resources/" + KNEE_ID);
        assertThat(page.locator("h1")).hasText(KNEE_NAME);
        assertThat(publicField(page, "Licence")).hasText("CC-BY-4.0");
        contributor.awaitStatus(second, "ACCEPTED", EVENTUAL);
        // the first proposal keeps its own outcome
        contributor.awaitStatus(first, "CHANGES_REQUESTED", EVENTUAL);
    }

    @Test
    @Order(4)
    void aCuratorRevertsToAnEarlierVersionAndThePublicSeesTheOldValueAsANewVersion() {
        assumeTrue(lungCorrected, "the correction journey did not make a second version");
        curator.openResource(LUNG_ID);
        Page history = curator.page;
        assertThat(history.locator("h1")).hasText(LUNG_NAME);
        assertThat(history.locator("#version-2")).containsText("image count");
        history.locator("#toVersion").selectOption("1");
        String reason = "The image count is disputed; back to version 1 until the provider confirms.";
        history.locator("#revert-reason").fill(reason);

        latency.click("revert to version 1", () -> history.locator("form[action$='/revert'] button").click(),
                latency.watch(JourneyLatency.PUBLIC, stack.publicWeb.url() + "/api/v1/resources/" + LUNG_ID,
                        r -> r.status() == 200 && r.json().path("version").asInt() == 3
                                && r.json().path("counts").path("images").asInt() == 500));
        assertThat(history.locator("[role=status]")).hasText("Saved: version 3 is published.");
        assertThat(history.locator("#version-3")).containsText("reverted to version 1");

        Page page = contributor.page;
        page.navigate(stack.publicWeb.url() + "/resources/" + LUNG_ID);
        assertThat(publicField(page, "Images")).hasText("500");
        assertThat(publicField(page, "Version")).containsText("3,");
        assertThat(changeLogRow(page, 3)).containsText("image count changed from 750 to 500");
        assertThat(changeLogRow(page, 3)).containsText(reason);
    }

    @Test
    @Order(5)
    void aContributorsWithdrawalRequestIsAcceptedAndTheResourceLeavesTheList() {
        assumeTrue(lungPublished, "the proposal journey did not publish the resource");
        Page page = contributor.page;
        page.navigate(stack.publicWeb.url() + "/resources/" + LUNG_ID);
        page.locator("#request-withdrawal").click();
        page.waitForURL(stack.submission.url() + "/withdraw/" + LUNG_ID);
        assertThat(page.locator("h1")).hasText("Request the withdrawal of “" + LUNG_NAME + "”");
        String why = "The provider took the data offline.";
        contributor.fill(Map.of("comment", why, "submitterName", "Journey withdrawer " + RUN));
        JourneyContributor.Tracking tracking = contributor.send("Request the withdrawal");

        curator.openQueued("WITHDRAWAL", "Journey withdrawer " + RUN, EVENTUAL);
        Page review = curator.page;
        assertThat(review.locator("main")).containsText("Reason given: " + why);
        String message = "Withdrawn: the data is no longer available.";
        review.locator("#message").fill(message);
        latency.click("accept a withdrawal request", () -> review.locator("button[value=ACCEPT]").click(),
                latency.watch(JourneyLatency.PUBLIC, stack.publicWeb.url() + "/api/v1/resources/" + LUNG_ID,
                        r -> r.status() == 200 && "WITHDRAWN".equals(r.json().path("status").asText())),
                latency.watch(JourneyLatency.TRACKING, contributor.trackingApi(tracking),
                        r -> "ACCEPTED".equals(r.json().path("status").asText())));
        assertThat(review.locator("[role=status]")).hasText("Submission accepted: version 4 is published.");
        assertThat(review.locator("h1 + p .status")).hasText("WITHDRAWN");

        assertWithdrawnForThePublic(LUNG_ID, LUNG_NAME, message);
        contributor.awaitStatus(tracking, "ACCEPTED", EVENTUAL);
        assertThat(page.locator("#curator-message")).hasText(message);
    }

    @Test
    @Order(6)
    void aCuratorWithdrawsAResourceWithAReason() {
        assumeTrue(kneePublished, "the request-changes journey did not publish its resource");
        curator.openResource(KNEE_ID);
        Page history = curator.page;
        assertThat(history.locator("h1")).hasText(KNEE_NAME);
        String reason = "Retracted by its provider for a consent review.";
        history.locator("#withdraw-reason").fill(reason);
        latency.click("withdraw directly", () -> history.locator("form[action$='/withdraw'] button").click(),
                latency.watch(JourneyLatency.PUBLIC, stack.publicWeb.url() + "/api/v1/resources/" + KNEE_ID,
                        r -> r.status() == 200 && "WITHDRAWN".equals(r.json().path("status").asText())));
        assertThat(history.locator("[role=status]")).hasText("Saved: version 2 is published.");

        assertWithdrawnForThePublic(KNEE_ID, KNEE_NAME, reason);
    }

    /** Gone from the list and the search, but its page stays, marked withdrawn with the reason. */
    private static void assertWithdrawnForThePublic(String id, String name, String reason) {
        JsonNode listed = Http.get(stack.publicWeb.url() + "/api/v1/resources?size=100&q=" + RUN).json();
        List<String> ids = new ArrayList<>();
        listed.path("items").forEach(item -> ids.add(item.path("id").asText()));
        assertThat(ids).doesNotContain(id);

        Page page = contributor.page;
        page.navigate(stack.publicWeb.url() + "/?q=" + RUN);
        assertThat(page.locator("tbody")).not().containsText(name);

        page.navigate(stack.publicWeb.url() + "/resources/" + id);
        assertThat(page.locator("h1")).hasText(name);
        assertThat(page.locator(".notice-danger")).containsText("Withdrawn.");
        assertThat(page.locator(".notice-danger")).containsText("Reason: " + reason);
        assertThat(publicField(page, "Status")).hasText("Withdrawn");
        assertThat(page.locator("#request-withdrawal")).hasCount(0);
    }

    /** The value next to a label in a public resource page's details. */
    private static Locator publicField(Page page, String label) {
        return page.locator("dl.fields dt:text-is('" + label + "') + dd");
    }

    /** The row of one version in a public resource page's change log. */
    private static Locator changeLogRow(Page page, int version) {
        return page.locator("h2:text-is('Change log') + .table-wrap tbody tr")
                .filter(new Locator.FilterOptions().setHas(page.locator("td:first-child:text-is('" + version + "')")));
    }
}
