package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The submitter's e-mail address never leaves submission-service. Submissions of every kind, through the
 * API and the forms, carry an address with a unique marker; curators accept, reject and ask for changes
 * (which mails the submitter). Then the marker is looked for in every record of every topic from offset 0,
 * in every page, API answer and export of the three services, and in every line of every service log. The
 * one place it may appear is the envelope of the decision mails, which reach that address and no other (read
 * from the stack's SMTP server) and do not quote it in their text.
 */
class LeakIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final CatalogStack stack = CatalogStack.shared();

    @Test
    void theSubmittersAddressAppearsInNoTopicPageExportOrLog() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String marker = "leakprobe" + run;
        String email = marker + "@example.org";
        String id = "leak-" + run;
        HostileCatalog catalog = new HostileCatalog(stack);

        HostileCatalog.Receipt proposed = catalog.proposeNew(HostileCatalog.resource(id, "Leak probe " + run), "new", "Leak",
                email);
        catalog.awaitInQueue(proposed.id());
        catalog.decide(proposed.id(), "ACCEPT", "Accepted; we will write to you.");
        catalog.awaitPublic(id, 1);
        Http.await(stack.submission.url() + "/correct/" + id, r -> r.status() == 200, EVENTUAL);

        ObjectNode correction = Http.JSON.createObjectNode().put("kind", "CORRECTION").put("resourceId", id)
                .put("comment", "fix the name");
        correction.set("proposed", HostileCatalog.resource(id, "Leak probe corrected " + run));
        correction.putObject("submitter").put("name", "Leak").put("email", email);
        HostileCatalog.Receipt corrected = catalog.propose(correction);

        SecurityWebSession contributor = SecurityWebSession.anonymous(stack.submission.url());
        HttpResponse<String> formNew = contributor.post("/new", SecurityWebSession.fields("csrf-token",
                contributor.csrfToken("/new"), "name", "Leak probe by form " + run, "url", "https://example.org/leak-form-" + run,
                "submitterName", "Leak", "submitterEmail", email));
        // Post/Redirect/Get: the form answers 303 to its tracking page, which does not show the address back
        assertThat(formNew.statusCode()).as("the form proposal").isEqualTo(303);
        String formToken = trackingToken(formNew.headers().firstValue("Location").orElse(""));
        assertThat(contributor.get("/track/" + formToken).body()).doesNotContain(email);
        HttpResponse<String> formWithdrawal = contributor.post("/withdraw/" + id, SecurityWebSession.fields("csrf-token",
                contributor.csrfToken("/withdraw/" + id), "comment", "please withdraw", "submitterEmail", email));
        assertThat(formWithdrawal.statusCode()).as("the form withdrawal").isEqualTo(303);
        String withdrawalToken = trackingToken(formWithdrawal.headers().firstValue("Location").orElse(""));

        String formId = submissionId(formToken);
        String withdrawalId = submissionId(withdrawalToken);
        for (String sid : List.of(corrected.id(), formId, withdrawalId)) {
            catalog.awaitInQueue(sid);
        }
        catalog.decide(corrected.id(), "REQUEST_CHANGES", "Please give a source.");
        catalog.decide(formId, "REJECT", "Not an imaging data set.");
        catalog.decide(withdrawalId, "REJECT", "It is still available.");
        catalog.awaitStatus(corrected.trackingToken(), "CHANGES_REQUESTED");
        catalog.awaitStatus(formToken, "REJECTED");
        catalog.awaitStatus(withdrawalToken, "REJECTED");

        LeakScan scan = new LeakScan(marker);
        scan.topics(stack.kafka.bootstrapServers());
        List<String> tokens = List.of(proposed.trackingToken(), corrected.trackingToken(), formToken, withdrawalToken);
        List<String> ids = List.of(proposed.id(), corrected.id(), formId, withdrawalId);
        SecurityWebSession reader = SecurityWebSession.anonymous(stack.publicWeb.url());
        for (String page : List.of("/", "/?q=leak", "/resources/" + id, "/stats", "/about", "/api/v1/resources?size=100",
                "/api/v1/resources/" + id, "/api/v1/resources/" + id + "/history", "/api/v1/stats", "/export/catalog.csv",
                "/export/catalog.json", "/export/catalog.tex", "/export/catalog.bib", "/export/catalog.jsonld", "/feed.atom")) {
            scan.page("public-web " + page, reader.get(page).body());
        }
        SecurityWebSession visitor = SecurityWebSession.anonymous(stack.submission.url());
        List<String> submissionPages = new ArrayList<>(List.of("/", "/correct/" + id, "/withdraw/" + id));
        tokens.forEach(t -> {
            submissionPages.add("/track/" + t);
            submissionPages.add("/api/v1/submissions/" + t);
        });
        for (String page : submissionPages) {
            scan.page("submission " + page, visitor.get(page).body());
        }
        SecurityWebSession curator = SecurityWebSession.loggedIn(stack.curation.url(), "/", "curator");
        List<String> curationPages = new ArrayList<>(List.of("/", "/resources/" + id, "/audit", "/api/v1/queue"));
        ids.forEach(sid -> curationPages.add("/review/" + sid));
        for (String page : curationPages) {
            scan.page("curation " + page, curator.get(page).body());
        }
        for (String path : List.of("/api/v1/queue", "/api/v1/resources/" + id + "/versions")) {
            scan.page("curation " + path, Http.get(stack.curation.url() + path, "Authorization", catalog.curatorBearer()).body());
        }
        ids.forEach(sid -> scan.page("curation /api/v1/submissions/" + sid, Http.get(stack.curation.url()
                + "/api/v1/submissions/" + sid, "Authorization", catalog.curatorBearer()).body()));
        scan.logs(Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize()
                .resolve("deploy/system-tests/target/stack-logs"));

        // the decision mails: one per decided submission, each to the submitter alone, none quoting the address
        List<StackMail.Delivered> mails = stack.mail.awaitDelivered(email, m -> true, 4, EVENTUAL);
        assertThat(mails).as("decision mails to the submitter").hasSize(4)
                .allSatisfy(m -> assertThat(m.recipients()).containsExactly(email));
        mails.forEach(m -> scan.page("mail text to the submitter: " + m.subject(), m.subject() + "\n" + m.body()));
        List<StackMail.Delivered> elsewhere = stack.mail.matching(m -> !m.mailbox().equalsIgnoreCase(email)
                && (m.subject() + m.body() + m.recipients()).toLowerCase(java.util.Locale.ROOT).contains(marker));
        assertThat(elsewhere).as("mails to other addresses that carry the submitter's address").isEmpty();

        System.out.println("LeakIT (marker " + marker + "): " + scan.summary());
        HostileTally.write(HostileInputIT.reliability().resolve("leak.md"), "# The submitter's e-mail address\n\n"
                + "Four submissions (API and forms; new, correction, withdrawal; accepted, rejected, changes requested) "
                + "carried a marked address: " + scan.summary() + ".\n");
        assertThat(scan.hits()).as("places the submitter's e-mail address reached").isEmpty();
    }

    private static String trackingToken(String redirectTarget) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/track/([A-Za-z0-9_-]+)").matcher(redirectTarget);
        assertThat(m.find()).as("the form redirects to the tracking page").isTrue();
        return m.group(1);
    }

    private String submissionId(String trackingToken) {
        return Http.await(stack.submission.url() + "/api/v1/submissions/" + trackingToken, r -> r.status() == 200, EVENTUAL)
                .json().path("id").asText();
    }
}
