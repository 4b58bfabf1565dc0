package org.imagingcatalog.curation.linkhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.WebSession.fields;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.curation.linkhealth.LinkResult.Outcome;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.LinkChecked;
import org.imagingcatalog.model.events.LinkStatus;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Link health in the running service, against sites this test starts on loopback addresses: what a run finds is
 * stored, published and listed for curators; a moved address is accepted as a new version, a changed page marked
 * as reviewed; a new proposal's unreachable address becomes a finding on its queue item.
 */
@QuarkusTest
@TestProfile(LinkCheckingOn.class)
class LinkHealthTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    LinkCheckJob job;

    private TestSite site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private static Map<String, Object> row(String resourceId) {
        List<Map<String, Object>> items = asCurator().get("/api/v1/link-health").then().statusCode(200).extract()
                .jsonPath().getList("items");
        return items.stream().filter(i -> resourceId.equals(i.get("resourceId"))).findFirst().orElse(null);
    }

    @Test
    void brokenMovedAndChangedPagesNeedAttentionAndEachCheckIsPublished() {
        site = TestSite.start("127.0.0.21").html("/fine", "<main><h1>Fine</h1><p>Version 1</p></main>")
                .status("/gone", 410).redirect("/old", 301, "/new").html("/new", "<p>new home</p>");
        String fine = LinkCheckingOn.entryAt("fine", site.url("/fine"));
        String gone = LinkCheckingOn.entryAt("gone", site.url("/gone"));
        String moved = LinkCheckingOn.entryAt("moved", site.url("/old"));

        Map<Outcome, Integer> outcomes = job.runNow();
        assertThat(outcomes.get(Outcome.ANSWERED)).isGreaterThanOrEqualTo(2);
        assertThat(outcomes.get(Outcome.NOT_ALLOWED)).as("the seed's real addresses are refused, not asked")
                .isGreaterThanOrEqualTo(13);
        assertThat(row(fine)).as("a fine page needs no attention").isNull();
        assertThat(row(gone)).containsEntry("status", "BROKEN").containsEntry("httpStatus", 410)
                .containsEntry("detail", "HTTP 410 Gone").containsEntry("edit", "/resources/" + gone + "/edit");
        assertThat(row(moved)).containsEntry("status", "REDIRECTED").containsEntry("movedTo", site.url("/new"));

        // published on the link-health topic, one LinkChecked per entry checked, valid against its schema
        List<ConsumerRecord<String, String>> published = TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(),
                Topics.LINK_HEALTH, records -> records.stream().map(ConsumerRecord::key).toList()
                        .containsAll(List.of(fine, gone, moved)), Duration.ofSeconds(30));
        for (ConsumerRecord<String, String> record : published) {
            assertThat(EventSchemaCheck.violations(LinkChecked.class, record.value())).isEmpty();
        }
        LinkChecked goneEvent = published.stream().filter(r -> r.key().equals(gone))
                .map(r -> EventJson.read(r.value(), LinkChecked.class)).findFirst().orElseThrow();
        assertThat(goneEvent.status()).isEqualTo(LinkStatus.BROKEN);
        assertThat(goneEvent.httpStatus()).isEqualTo(410);
        assertThat(goneEvent.url()).isEqualTo(site.url("/gone"));

        // the page changes: CHANGED, with the lines that changed
        site.html("/fine", "<main><h1>Fine</h1><p>Version 2</p></main>");
        job.runNow();
        Map<String, Object> changed = row(fine);
        assertThat(changed).containsEntry("status", "CHANGED");
        assertThat(changed.get("changes").toString()).contains("{kind=-, text=Version 1}", "{kind=+, text=Version 2}");

        // a curator marks it as reviewed: OK again, and it stays so while the page stays as it is now
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String token = curator.csrfToken("/attention");
        HttpResponse<String> reviewed = curator.post("/attention/" + fine + "/reviewed",
                fields("csrf-token", token, "url", site.url("/fine")));
        assertThat(reviewed.statusCode()).isEqualTo(303);
        assertThat(reviewed.headers().firstValue("Location").orElseThrow()).endsWith("/attention?done=reviewed");
        assertThat(row(fine)).isNull();
        job.runNow();
        assertThat(row(fine)).isNull();

        // the moved address accepted with one click: a new version with the new address and a reason that says so
        HttpResponse<String> accepted = curator.post("/attention/" + moved + "/accept-move",
                fields("csrf-token", token, "url", site.url("/old")));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.headers().firstValue("Location").orElseThrow()).endsWith("/resources/" + moved + "?done=edit");
        asCurator().get("/api/v1/resources/{id}", moved).then().statusCode(200)
                .body("version", equalTo(2)).body("snapshot.url", equalTo(site.url("/new")))
                .body("reason", equalTo("URL moved permanently: " + site.url("/old") + " -> " + site.url("/new")
                        + ", link check of " + LocalDate.now(ZoneOffset.UTC)))
                .body("curator", equalTo("curator"));
        assertThat(row(moved)).isNull();
        HttpResponse<String> again = curator.post("/attention/" + moved + "/accept-move",
                fields("csrf-token", token, "url", site.url("/old")));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("No permanent redirect of " + moved);
        asCurator().get("/api/v1/resources/{id}", moved).then().body("version", equalTo(2));
    }

    @Test
    void theAttentionListFiltersAndSortsAndRefusesWhatItDoesNotKnow() {
        site = TestSite.start("127.0.0.22").status("/a", 404).status("/b", 410);
        String a = LinkCheckingOn.entryAt("aaa", site.url("/a"));
        String b = LinkCheckingOn.entryAt("bbb", site.url("/b"));
        job.runNow();
        JsonPath broken = asCurator().get("/api/v1/link-health?status=broken&sort=-entry").then().statusCode(200)
                .extract().jsonPath();
        assertThat(broken.getList("items.status", String.class)).containsOnly("BROKEN");
        List<String> ids = broken.getList("items.resourceId", String.class);
        assertThat(ids).contains(a, b);
        assertThat(ids.indexOf(b)).isLessThan(ids.indexOf(a));
        assertThat(broken.getBoolean("checking")).isTrue();
        asCurator().get("/api/v1/link-health?sort=colour").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.contains("sort"))
                .body("detail", org.hamcrest.Matchers.containsString("must be one of status, entry, checked, since"));
        asCurator().get("/api/v1/link-health?status=OK").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("status"));

        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        HttpResponse<String> page = curator.get("/attention?status=BROKEN&sort=entry");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Needs attention</h1>", "href=\"/resources/" + a + "/edit\"",
                "HTTP 404 Not Found").doesNotContain("Link checking is off");
        assertThat(page.body().indexOf(a)).isLessThan(page.body().indexOf(b));
    }

    @Test
    void aNewProposalsUnreachableAddressIsAFindingOnItsQueueItem() {
        site = TestSite.start("127.0.0.23").html("/there", "<p>here it is</p>");
        String missingId = Submissions.uniqueId("unreachable");
        SubmissionReceived missing = Submissions.send(SubmissionKind.NEW, null,
                LinkCheckingOn.resource(missingId, site.url("/nothing-here")), "please add");
        String fineId = Submissions.uniqueId("reachable");
        SubmissionReceived fine = Submissions.send(SubmissionKind.NEW, null,
                LinkCheckingOn.resource(fineId, site.url("/there")), "please add");
        Submissions.await("the unreachable address found", Duration.ofSeconds(30), () -> asCurator()
                .get("/api/v1/submissions/{id}", missing.submissionId()).then().extract().jsonPath()
                .getList("checks.code").contains(ProposalLinkFindings.URL_UNREACHABLE));
        JsonPath item = asCurator().get("/api/v1/submissions/{id}", missing.submissionId()).then().extract().jsonPath();
        Map<String, Object> finding = item.<Map<String, Object>>getList("checks").stream()
                .filter(c -> ProposalLinkFindings.URL_UNREACHABLE.equals(c.get("code"))).findFirst().orElseThrow();
        assertThat(finding).containsEntry("severity", "WARNING").containsEntry("field", "url");
        assertThat(finding.get("message").toString()).startsWith("The address " + site.url("/nothing-here")
                + " could not be reached when the proposal came in (").endsWith("): HTTP 404 Not Found.");
        Submissions.await("the reachable address checked", Duration.ofSeconds(30), () -> site.requests("/there") == 1);
        assertThat(asCurator().get("/api/v1/submissions/{id}", fine.submissionId()).then().extract().jsonPath()
                .getList("checks.code")).doesNotContain(ProposalLinkFindings.URL_UNREACHABLE);
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        assertThat(curator.get("/review/" + missing.submissionId()).body()).contains("could not be reached");
    }

    @Test
    void theGaugesCountEntriesByLinkStatus() {
        site = TestSite.start("127.0.0.24").status("/x", 404);
        LinkCheckingOn.entryAt("metric", site.url("/x"));
        job.runNow();
        Submissions.await("a broken entry in the metrics", Duration.ofSeconds(30), () -> {
            String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
            return metrics.lines().anyMatch(l -> l.startsWith("catalog_linkhealth_entries{") && l.contains("status=\"BROKEN\"")
                    && Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) >= 1)
                    && metrics.contains("catalog_linkhealth_oldest_check_age_seconds");
        });
    }
}
