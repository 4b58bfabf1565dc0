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
 * A second resource goes round the revision loop: changes requested, the decision mailed to its submitter
 * (read from the stack's real SMTP server), revised on the tracking page, accepted as revision 2.
 * Every curator click is timed until the public catalog (and the tracking page, and the mailbox) show its effect.
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
    private static final String KNEE_EMAIL = "journey-knee-" + RUN + "@example.org";
    private static final String IMPORT_ID = "journey-import-" + RUN;

    private static CatalogStack stack;
    private static BrowserSession browser;
    private static JourneyContributor contributor;
    private static JourneyCurator curator;
    private static final JourneyLatency latency = new JourneyLatency();

    // what each journey leaves for the next ones
    private static boolean lungPublished;
    private static boolean lungCorrected;
    private static boolean kneePublished;
    private static boolean imported;

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
        // the thank-you was for once: the link itself shows the plain tracking page
        assertThat(page.locator("h1")).hasText("Your submission");
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
    void requestedChangesAreMailedRevisedOnTheTrackingPageAndTheRevisionIsAccepted() {
        Page page = contributor.page;
        page.navigate(stack.submission.url() + "/new");
        Map<String, String> proposal = new LinkedHashMap<>();
        proposal.put("id", KNEE_ID);
        proposal.put("name", KNEE_NAME);
        proposal.put("url", "https://example.org/knee/" + RUN);
        proposal.put("description", "Knee MRI studies (" + RUN + ").");
        proposal.put("mri", "Y");
        proposal.put("submitterName", "Journey requester " + RUN);
        proposal.put("submitterEmail", KNEE_EMAIL);
        contributor.fill(proposal);
        JourneyContributor.Tracking tracking = contributor.send("Send the proposal");
        // the address is promised a mail, but never shown back, not even to whoever holds the page
        assertThat(page.locator("[role=status]")).containsText("We will also write to the e-mail address you gave");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(KNEE_EMAIL);

        curator.openQueued("NEW", "Journey requester " + RUN, EVENTUAL);
        curator.claim();
        Page review = curator.page;
        String request = "Please add the licence (" + RUN + "): the provider's page names one.";
        review.locator("#message").fill(request);
        String trackingLink = stack.submission.url() + tracking.path();
        latency.click("request changes", () -> review.locator("button[value=REQUEST_CHANGES]").click(),
                latency.watch(JourneyLatency.TRACKING, contributor.trackingApi(tracking),
                        r -> "CHANGES_REQUESTED".equals(r.json().path("status").asText())),
                latency.watch(JourneyLatency.MAIL, KNEE_EMAIL, () -> new JourneyLatency.Look(
                        !stack.mail.matching(m -> m.mailbox().equalsIgnoreCase(KNEE_EMAIL) && m.body().contains(request))
                                .isEmpty(), "mailbox " + KNEE_EMAIL)));
        Locator revising = review.locator("main p.notice[role=status]");
        assertThat(revising).containsText("Changes were requested by curator");
        assertThat(revising).containsText("the contributor is revising");
        assertThat(revising).containsText(request);
        assertThat(review.locator("form[action$='/claim']")).hasCount(0);
        assertThat(review.locator("button[value=ACCEPT]")).hasCount(0);
        assertThat(Http.get(stack.publicWeb.url() + "/api/v1/resources/" + KNEE_ID).status())
                .as("nothing is published while changes are requested").isEqualTo(404);

        // the decision mail: the curator's message and the private link, to the submitter and to nobody else
        StackMail.Delivered asked = stack.mail.awaitDelivered(KNEE_EMAIL, m -> m.body().contains(request), 1, EVENTUAL)
                .get(0);
        org.assertj.core.api.Assertions.assertThat(asked.subject()).contains("waiting for changes");
        org.assertj.core.api.Assertions.assertThat(asked.recipients()).containsExactly(KNEE_EMAIL);
        org.assertj.core.api.Assertions.assertThat(asked.body()).contains("Journey requester " + RUN)
                .contains("Message from the curators:\n" + request)
                .contains("Your private tracking link (keep it to yourself): " + trackingLink)
                .contains("Revise your submission there");
        assertMailedOnlyTo(KNEE_EMAIL, tracking.token());

        // the contributor follows the link from the mail: the form holds what was sent, the request beside it
        page.navigate(trackingLink);
        contributor.awaitStatus(tracking, "CHANGES_REQUESTED", EVENTUAL);
        assertThat(page.locator("#revise")).hasText("Revise your submission");
        assertThat(page.locator("#curator-message p")).hasText(request);
        assertThat(page.locator("#form #id")).hasValue(KNEE_ID);
        assertThat(page.locator("#form #name")).hasValue(KNEE_NAME);
        assertThat(page.locator("#form #url")).hasValue(proposal.get("url"));
        assertThat(page.locator("#form #description")).hasValue(proposal.get("description"));
        assertThat(page.locator("#form input[name=mri][value=Y]")).isChecked();
        assertThat(page.locator("#form #license")).hasValue("");
        contributor.fill(Map.of("license", "CC-BY-4.0",
                "comment", "Licence added as the curators asked."));
        contributor.sendRevision(tracking, 2);
        assertThat(page.locator("#status")).hasText("RECEIVED");
        assertThat(page.locator("dl.fields dt:text-is('Round') + dd")).hasText("Revision 2");
        assertThat(page.locator("#revise")).hasCount(0);

        // the curator sees revision 2, what changed since revision 1 and the request that led to it
        curator.openQueued("NEW", "Journey requester " + RUN, 2, EVENTUAL);
        assertThat(review.locator("main p.lead").first()).containsText("Revision 2: the contributor revised this submission");
        Locator since = review.locator("table:has(caption:text-is('What the contributor changed in this revision')) tbody tr");
        assertThat(since).hasCount(1);
        assertThat(since.locator("th")).hasText("license");
        assertThat(since.locator("td.diff-after")).hasText("CC-BY-4.0");
        assertThat(review.locator("main")).containsText(request);
        assertThat(review.locator("main")).containsText("Licence added as the curators asked.");
        String accepted = "Thank you, accepted with the licence.";
        review.locator("#message").fill(accepted);
        latency.click("accept revision 2", () -> review.locator("button[value=ACCEPT]").click(),
                latency.watch(JourneyLatency.PUBLIC, stack.publicWeb.url() + "/api/v1/resources/" + KNEE_ID,
                        r -> r.status() == 200 && "CC-BY-4.0".equals(r.json().path("license").asText())),
                latency.watch(JourneyLatency.TRACKING, contributor.trackingApi(tracking),
                        r -> "ACCEPTED".equals(r.json().path("status").asText())),
                latency.watch(JourneyLatency.MAIL, KNEE_EMAIL, () -> new JourneyLatency.Look(
                        !stack.mail.matching(m -> m.mailbox().equalsIgnoreCase(KNEE_EMAIL) && m.body().contains(accepted))
                                .isEmpty(), "mailbox " + KNEE_EMAIL)));
        assertThat(review.locator("[role=status]")).hasText("Submission accepted: version 1 is published.");
        kneePublished = true;

        page.navigate(stack.publicWeb.url() + "/resources/" + KNEE_ID);
        assertThat(page.locator("h1")).hasText(KNEE_NAME);
        assertThat(publicField(page, "Licence")).hasText("CC-BY-4.0");
        assertThat(publicField(page, "Version")).containsText("1,");

        // the tracking page keeps both rounds and links the entry; the API says the same
        contributor.awaitStatus(tracking, "ACCEPTED", EVENTUAL);
        assertThat(page.locator("#curator-message")).hasText(accepted);
        String publicPage = stack.publicWeb.url() + "/resources/" + KNEE_ID;
        assertThat(page.locator("#public-page")).hasAttribute("href", publicPage);
        Locator rounds = page.locator("#rounds > li");
        assertThat(rounds).hasCount(2);
        assertThat(rounds.nth(0)).containsText("Revision 1");
        assertThat(rounds.nth(0)).containsText("CHANGES_REQUESTED");
        assertThat(rounds.nth(0)).containsText(request);
        assertThat(rounds.nth(1)).containsText("Revision 2");
        assertThat(rounds.nth(1)).containsText("ACCEPTED");
        JsonNode state = Http.get(contributor.trackingApi(tracking)).json();
        org.assertj.core.api.Assertions.assertThat(state.path("revision").asInt()).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThat(state.path("message").asText()).isEqualTo(accepted);
        org.assertj.core.api.Assertions.assertThat(state.path("publicUrl").asText()).isEqualTo(publicPage);
        org.assertj.core.api.Assertions.assertThat(state.path("rounds")).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(state.path("rounds").get(0).path("message").asText())
                .isEqualTo(request);
        org.assertj.core.api.Assertions.assertThat(state.path("rounds").get(0).path("status").asText())
                .isEqualTo("CHANGES_REQUESTED");
        org.assertj.core.api.Assertions.assertThat(state.path("rounds").get(1).path("status").asText()).isEqualTo("ACCEPTED");
        org.assertj.core.api.Assertions.assertThat(state.path("proposed").path("license").asText()).isEqualTo("CC-BY-4.0");

        // the acceptance is mailed too, with the entry's public page; still to the submitter alone
        StackMail.Delivered done = stack.mail.awaitDelivered(KNEE_EMAIL, m -> m.body().contains(accepted), 1, EVENTUAL)
                .get(0);
        org.assertj.core.api.Assertions.assertThat(done.subject()).contains("accepted");
        org.assertj.core.api.Assertions.assertThat(done.body()).contains("(revision 2)")
                .contains("The entry in the public catalog: " + publicPage).contains(trackingLink);
        org.assertj.core.api.Assertions.assertThat(stack.mail.matching(m -> m.mailbox().equalsIgnoreCase(KNEE_EMAIL)))
                .as("mails to the submitter: the request for changes and the acceptance").hasSize(2);
        assertMailedOnlyTo(KNEE_EMAIL, tracking.token());
    }

    /** Every copy of a mail about this submission (its link in the text) went to this address and no other. */
    private static void assertMailedOnlyTo(String address, String trackingToken) {
        List<StackMail.Delivered> about = stack.mail.matching(m -> m.body().contains(trackingToken)
                || m.subject().contains(trackingToken));
        org.assertj.core.api.Assertions.assertThat(about).as("mails that carry the tracking link").isNotEmpty()
                .allSatisfy(m -> {
                    org.assertj.core.api.Assertions.assertThat(m.mailbox()).as("delivered to").isEqualToIgnoringCase(address);
                    org.assertj.core.api.Assertions.assertThat(m.recipients()).as("addressed to").containsExactly(address);
                });
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

        // the contributor's reason is kept, the curator's message beside it
        assertWithdrawnForThePublic(LUNG_ID, LUNG_NAME, why + " (curator: " + message + ")");
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

    @Test
    @Order(7)
    void aCuratorImportsACsvSeesItsDryRunFixesTheFileAndAppliesIt() {
        curator.logInOnce();
        Page page = curator.page;
        page.navigate(curator.curationUrl + "/imports");
        assertThat(page.locator("h1")).hasText("Import");
        String first = IMPORT_ID + "-one";
        String second = IMPORT_ID + "-two";
        String header = "id,name,url,description,ct,xray\r\n";
        String firstRow = first + ",Journey import one " + RUN + ",https://example.org/" + first + ",\"From a list, with a comma\",Y,N\r\n";

        // the list as it came: the second row's description is a spreadsheet formula
        upload(page, header + firstRow + second + ",Journey import two " + RUN + ",https://example.org/" + second
                + ",=HYPERLINK(\"http://127.0.0.1/x\"),N,Y\r\n");
        assertThat(page.locator("#import-status")).containsText("nothing has changed yet");
        assertThat(page.locator("#row-1")).containsText("NEW");
        assertThat(page.locator("#row-2")).containsText("INVALID");
        assertThat(page.locator("#row-2")).containsText("description");
        assertThat(page.locator("[role=note]")).containsText("fix the invalid rows in the file and upload it again");
        assertThat(page.locator("form[action$='/apply']")).hasCount(0);
        assertThat(Http.get(stack.publicWeb.url() + "/api/v1/resources/" + first).status()).isEqualTo(404);

        // fixed (the formula quoted as text, as the export writes it) and uploaded again: two new entries, then applied
        page.navigate(curator.curationUrl + "/imports");
        upload(page, header + firstRow + second + ",Journey import two " + RUN + ",https://example.org/" + second
                + ",'=HYPERLINK is text here,N,Y\r\n");
        assertThat(page.locator("#row-1")).containsText("NEW");
        assertThat(page.locator("#row-2")).containsText("NEW");
        page.getByLabel("Reason (every new version carries it)").fill("The hospital's list of " + RUN);
        latency.click("apply an import of 2 rows",
                () -> page.locator("button", new Page.LocatorOptions().setHasText("Apply 2 rows")).click(),
                latency.watch(JourneyLatency.PUBLIC, stack.publicWeb.url() + "/api/v1/resources/" + second,
                        r -> r.status() == 200 && r.json().path("version").asInt() == 1));
        assertThat(page.locator("[role=status]")).containsText("Applied");
        assertThat(page.locator("#import-status")).hasText("Applied");

        Page reader = contributor.page;
        reader.navigate(stack.publicWeb.url() + "/resources/" + second);
        assertThat(reader.locator("h1")).hasText("Journey import two " + RUN);
        assertThat(reader.locator("main")).containsText("=HYPERLINK is text here");
        imported = true;
    }

    @Test
    @Order(8)
    void anAdministratorCutsAReleaseThatReadersCiteAndThatLaterEditsLeaveAsItWas() {
        assumeTrue(imported, "the import journey did not add the entries this release is compared on");
        String first = "journeys-" + RUN + ".1";
        String second = "journeys-" + RUN + ".2";
        String leaving = IMPORT_ID + "-two";
        String leavingName = "Journey import two " + RUN;
        Page admin = browser.newPerson();
        CuratorLogin.logIn(admin, stack.curation.url(), "/releases", stack.keycloakUrl, "admin", "admin");
        cutRelease(admin, first, "The catalog as the journeys left it.");

        // a reader finds it, cites it and exports it
        Page reader = contributor.page;
        reader.navigate(stack.publicWeb.url() + "/releases");
        reader.locator("a", new Page.LocatorOptions().setHasText("Release " + first)).click();
        assertThat(reader.locator("h1")).hasText("Release " + first);
        assertThat(reader.locator("#citation")).containsText("release " + first);
        assertThat(reader.locator("#bibtex")).containsText("version = {" + first + "}");
        assertThat(reader.locator("#first-release, #changes-heading").first()).isVisible();
        String csvOfFirst = stack.publicWeb.url() + "/export/catalog.csv?release=" + first;
        assertThat(reader.locator("#exports a[href$='catalog.csv?release=" + first + "']")).hasCount(1);
        Http.Reply frozen = Http.get(csvOfFirst);
        assertThat(frozen.status()).isEqualTo(200);
        assertThat(frozen.body()).contains(leaving);

        // the curator withdraws one of the imported entries; the next release says so, the first one is unchanged
        curator.openResource(leaving);
        Page history = curator.page;
        history.locator("#withdraw-reason").fill("A duplicate of another entry, found after the release.");
        history.locator("form[action$='/withdraw'] button").click();
        assertThat(history.locator("[role=status]")).hasText("Saved: version 2 is published.");
        cutRelease(admin, second, "");

        reader.navigate(stack.publicWeb.url() + "/releases/" + second);
        assertThat(reader.locator("#changes-heading")).hasText("What changed since " + first);
        assertThat(reader.locator("#withdrawn")).containsText(leavingName);
        assertThat(Http.get(csvOfFirst).body()).as("the first release's export, after the withdrawal")
                .isEqualTo(frozen.body());
        assertThat(Http.get(stack.publicWeb.url() + "/export/catalog.csv?release=" + second).body()).doesNotContain(leaving);
    }

    /** Cuts a release on the curation page and waits until readers can open it. */
    private static void cutRelease(Page admin, String name, String notes) {
        admin.navigate(stack.curation.url() + "/releases");
        admin.locator("#name").fill(name);
        admin.locator("#notes").fill(notes);
        latency.click("cut a release", () -> admin.locator("button", new Page.LocatorOptions().setHasText("Cut release")).click(),
                latency.watch(JourneyLatency.PUBLIC, stack.publicWeb.url() + "/api/v1/releases/" + name,
                        r -> r.status() == 200));
        assertThat(admin.locator("[role=status]")).containsText("Release " + name + " is cut");
        assertThat(admin.locator("table")).containsText(name);
    }

    private static void upload(Page page, String csv) {
        page.getByLabel("File (CSV", new Page.GetByLabelOptions().setExact(false)).setInputFiles(
                new com.microsoft.playwright.options.FilePayload("hospital-list.csv", "text/csv",
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.locator("button", new Page.LocatorOptions().setHasText("Upload and check")).click();
        assertThat(page.locator("h1")).hasText("Import hospital-list.csv");
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
