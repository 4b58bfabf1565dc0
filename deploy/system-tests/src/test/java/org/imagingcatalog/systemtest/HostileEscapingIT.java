package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;

/**
 * Stored text is shown back as text. A new resource and a correction whose every text field holds script
 * and markup are proposed, reviewed and accepted (the curator's message carries markup too); then headless
 * Chromium opens each page that shows them (curator's review, queue and history pages, the public resource
 * page and catalog, the contributor's tracking page and correction form, the revision form pre-filled with the
 * hostile proposal beside the curator's hostile request, and the review of the revision). In the DOM no injected element
 * exists, no script ran ({@code window.__pwned} stays undefined), and the payloads read as plain text.
 */
class HostileEscapingIT {

    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    private static final String ID = "xss-" + RUN;
    /** Each payload adds an element with an id starting "pwn-" or sets window.__pwned, if it ever parses or runs. */
    private static final String NAME = "XSS " + RUN + " <img id=pwn-name src=x onerror=\"window.__pwned='name'\">";
    private static final String DESCRIPTION = "<script>window.__pwned='description'</script><b id=\"pwn-desc\">bold</b>"
            + "</textarea></script><svg id=\"pwn-svg\" onload=\"window.__pwned='svg'\"></svg>"
            + "</script><script>window.__pwned='jsonld'</script>";
    private static final String PROVIDER = "\"><iframe id=\"pwn-frame\" srcdoc=\"<script>parent.__pwned='frame'</script>\">";
    private static final String LICENSE = "<a id=\"pwn-license\" href=\"javascript:window.__pwned=1\">x</a>";
    private static final String TAG = "<i id=pwn-tag>t</i>";
    private static final String COMMENT = "<script>window.__pwned='comment'</script><u id=\"pwn-comment\">why</u>";
    private static final String SUBMITTER = "<b id=\"pwn-submitter\">me</b>";
    private static final String MESSAGE = "<em id=\"pwn-message\">ok</em><script>window.__pwned='message'</script>";
    private static final String CORRECTED = "<style id=\"pwn-style\">body{display:none}</style>"
            + "<script>window.__pwned='correction'</script> corrected " + RUN;

    private static CatalogStack stack;
    private static HostileCatalog catalog;
    private static BrowserSession browser;

    @BeforeAll
    static void start() {
        stack = CatalogStack.shared();
        catalog = new HostileCatalog(stack);
        browser = BrowserSession.launch();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void storedScriptAndMarkupAreShownAsTextOnEveryPage() {
        ObjectNode resource = HostileCatalog.resource(ID, NAME);
        resource.put("description", DESCRIPTION).put("provider", PROVIDER).put("license", LICENSE);
        resource.putArray("tags").add(TAG).add("system-test");
        resource.putArray("formats").add("</td><td id=pwn-format>");
        HostileCatalog.Receipt proposal = catalog.proposeNew(resource, COMMENT, SUBMITTER, "xss-" + RUN + "@example.org");
        catalog.awaitInQueue(proposal.id());

        Page curator = browser.newPerson();
        CuratorLogin.logIn(curator, stack.curation.url(), stack.keycloakUrl, "curator", "curator");
        List<String> checked = new ArrayList<>();
        showsAsText(curator, stack.curation.url() + "/review/" + proposal.id(), NAME, checked);
        showsAsText(curator, stack.curation.url() + "/", SUBMITTER, checked);

        catalog.decide(proposal.id(), "ACCEPT", MESSAGE);
        catalog.awaitPublic(ID, 1);
        catalog.awaitStatus(proposal.trackingToken(), "ACCEPTED");

        Page reader = browser.newPerson();
        showsAsText(reader, stack.publicWeb.url() + "/resources/" + ID, DESCRIPTION, checked);
        showsAsText(reader, stack.publicWeb.url() + "/?q=" + RUN, NAME, checked);
        showsAsText(reader, stack.submission.url() + "/track/" + proposal.trackingToken(), MESSAGE, checked);
        showsAsText(reader, stack.submission.url() + "/correct/" + ID, "Suggest a correction to “" + NAME, checked);
        assertThat(reader.locator("#description").inputValue()).as("the correction form's description").isEqualTo(DESCRIPTION);
        assertThat(reader.locator("#provider").inputValue()).as("the correction form's provider").isEqualTo(PROVIDER);

        ObjectNode corrected = resource.deepCopy();
        corrected.remove("id");
        corrected.put("description", CORRECTED);
        ObjectNode correction = Http.JSON.createObjectNode().put("kind", "CORRECTION").put("resourceId", ID)
                .put("comment", COMMENT);
        correction.set("proposed", corrected);
        HostileCatalog.Receipt fix = catalog.propose(correction);
        catalog.awaitInQueue(fix.id());
        showsAsText(curator, stack.curation.url() + "/review/" + fix.id(), CORRECTED, checked);
        catalog.decide(fix.id(), "ACCEPT", MESSAGE);
        catalog.awaitPublic(ID, 2);
        showsAsText(curator, stack.curation.url() + "/resources/" + ID, CORRECTED, checked);
        showsAsText(reader, stack.publicWeb.url() + "/resources/" + ID, CORRECTED, checked);
        showsAsText(reader, stack.submission.url() + "/track/" + fix.trackingToken(), MESSAGE, checked);

        // the revision round: the tracking page's form holds the hostile proposal, the request sits beside it
        ObjectNode revisable = resource.deepCopy();
        revisable.put("id", ID + "-rev");
        HostileCatalog.Receipt asked = catalog.proposeNew(revisable, COMMENT, SUBMITTER, null);
        catalog.awaitInQueue(asked.id());
        catalog.decide(asked.id(), "REQUEST_CHANGES", MESSAGE);
        catalog.awaitStatus(asked.trackingToken(), "CHANGES_REQUESTED");
        showsAsText(reader, stack.submission.url() + "/track/" + asked.trackingToken(), MESSAGE, checked);
        assertThat(reader.locator("#form #description").inputValue()).as("the revision form's description")
                .isEqualTo(DESCRIPTION);
        assertThat(reader.locator("#form #provider").inputValue()).as("the revision form's provider").isEqualTo(PROVIDER);
        ObjectNode revision = Http.JSON.createObjectNode().put("comment", COMMENT);
        revision.set("proposed", revisable.deepCopy().put("description", CORRECTED));
        Http.Reply revised = Http.postJson(stack.submission.url() + "/api/v1/submissions/" + asked.trackingToken()
                + "/revisions", revision);
        assertThat(revised.status()).as("the revision: %s", revised.body()).isEqualTo(202);
        Http.await(stack.curation.url() + "/api/v1/submissions/" + asked.id(), r -> r.status() == 200
                && r.json().path("revision").asInt() == 2, java.time.Duration.ofSeconds(60), "Authorization",
                catalog.curatorBearer());
        showsAsText(curator, stack.curation.url() + "/review/" + asked.id(), CORRECTED, checked);
        catalog.decide(asked.id(), "REJECT", MESSAGE);

        System.out.println("HostileEscapingIT: payloads shown as text, nothing injected, no script ran, on "
                + checked.size() + " pages: " + checked);
        curator.context().close();
        reader.context().close();
    }

    /** Opens the page; no "pwn-" element may exist, no payload may have run, and {@code text} reads as text. */
    private static void showsAsText(Page page, String url, String text, List<String> checked) {
        page.navigate(url);
        page.waitForLoadState();
        assertThat(page.url()).as("opened %s", url).startsWith(url.substring(0, url.indexOf('/', 8)));
        assertThat(page.querySelector("[id^=pwn-]")).as("an element injected by a payload on %s", url).isNull();
        assertThat(page.evaluate("() => typeof window.__pwned")).as("window.__pwned on %s", url).isEqualTo("undefined");
        assertThat(page.evaluate("() => typeof parent.__pwned")).as("parent.__pwned on %s", url).isEqualTo("undefined");
        String shown = (String) page.evaluate("() => document.body.innerText + ' ' + "
                + "Array.from(document.querySelectorAll('input, textarea')).map(e => e.value).join(' ')");
        assertThat(shown).as("the text of %s", url).contains(text);
        checked.add(url.replaceFirst("https?://localhost:\\d+", ""));
    }
}
