package org.imagingcatalog.curation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The queue in pages with a total and links, and what a curator needs to pick the next item. */
@QuarkusTest
class QueuePagingTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theApiQueueComesInPagesWithATotalAndNextAndPreviousLinks() {
        for (int i = 0; i < 3; i++) {
            awaitQueued(Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(Submissions.uniqueId("paged")), null)
                    .submissionId());
        }
        JsonPath first = asCurator().queryParam("size", 1).queryParam("kind", "NEW").get("/api/v1/queue").then()
                .statusCode(200).extract().jsonPath();
        int total = first.getInt("total");
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.getList("items")).hasSize(1);
        assertThat(first.getInt("page")).isEqualTo(1);
        assertThat(first.getInt("size")).isEqualTo(1);
        assertThat(first.getString("previous")).isNull();
        assertThat(first.getString("next")).isEqualTo("/api/v1/queue?kind=NEW&page=2&size=1");

        JsonPath second = asCurator().get(first.getString("next")).then().statusCode(200).extract().jsonPath();
        assertThat(second.getInt("page")).isEqualTo(2);
        assertThat(second.getString("previous")).isEqualTo("/api/v1/queue?kind=NEW&page=1&size=1");
        assertThat(second.getString("items[0].submissionId")).isNotEqualTo(first.getString("items[0].submissionId"));

        JsonPath last = asCurator().get("/api/v1/queue?kind=NEW&size=1&page=" + total).then().statusCode(200)
                .extract().jsonPath();
        assertThat(last.getString("next")).isNull();
        assertThat(last.getList("items")).hasSize(1);
        asCurator().get("/api/v1/queue?kind=NEW&size=1&page=" + (total + 5)).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("next", nullValue()).body("total", equalTo(total));

        asCurator().get("/api/v1/queue").then().statusCode(200).body("size", equalTo(50)).body("page", equalTo(1));
        asCurator().get("/api/v1/queue?size=200").then().statusCode(200).body("size", equalTo(200));
        asCurator().get("/api/v1/queue?size=201").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
        asCurator().get("/api/v1/queue?size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        asCurator().get("/api/v1/queue?page=0").then().statusCode(400).body("errors.field", hasItem("page"));
        asCurator().get("/api/v1/queue?page=two").then().statusCode(400).body("errors.field", hasItem("page"));
    }

    @Test
    void queueItemsShowTheProposedNameTheSubmitterAndLikelyDuplicates() {
        String existing = CurationApi.createResource("qdup");
        String id = Submissions.uniqueId("qname");
        Resource named = Submissions.resource(id, "Collection " + existing + " & friends");
        Resource proposal = new Resource(id, named.name(), "https://www.data.example.org/" + existing + "/?ref=queue",
                named.description(), named.provider(), named.modalities(), named.metadata(), named.caseReview(),
                named.license(), named.access(), named.formats(), named.counts(), named.annotations(), named.tags(), null,
                null);
        SubmissionReceived event = SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.NEW, null, proposal,
                "from my account", "Dr. Ada <Lovelace>", Instant.now().truncatedTo(ChronoUnit.MICROS));
        Submissions.send(event);
        awaitQueued(event.submissionId());
        SubmissionReceived correction = Submissions.sendCorrection(existing, "{\"license\": \"CC0-1.0\"}", null);
        awaitQueued(correction.submissionId());

        JsonPath page = asCurator().get("/api/v1/queue?kind=NEW&status=RECEIVED&size=200").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> item = page.getList("items", Map.class).stream()
                .filter(i -> event.submissionId().toString().equals(i.get("submissionId"))).findFirst().orElseThrow();
        assertThat(item).containsEntry("name", "Collection " + existing + " & friends")
                .containsEntry("submitterName", "Dr. Ada <Lovelace>");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> duplicates = (List<Map<String, Object>>) item.get("duplicates");
        assertThat(duplicates).anySatisfy(d -> {
            assertThat(d.get("resourceId")).isEqualTo(existing);
            assertThat((String) d.get("why")).contains("same URL");
        });
        asCurator().get("/api/v1/submissions/{id}", event.submissionId()).then()
                .body("duplicates.resourceId", hasItem(existing));
        asCurator().get("/api/v1/submissions/{id}", correction.submissionId()).then()
                .body("name", equalTo("Collection " + existing));

        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String html = curator.get("/").body();
        String row = html.substring(html.indexOf("/review/" + event.submissionId()) - 600,
                html.indexOf("/review/" + event.submissionId()));
        assertThat(row).contains("Collection " + existing + " &amp; friends", "Dr. Ada &lt;Lovelace&gt;")
                .doesNotContain("(new)");
        assertThat(html).contains("Collection " + existing + "</a>");
    }

    @Test
    void theQueuePageHasPagesToo() {
        for (int i = 0; i < 2; i++) {
            awaitQueued(Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(Submissions.uniqueId("qpage")), null)
                    .submissionId());
        }
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String first = curator.get("/?kind=NEW&size=1").body();
        assertThat(first).contains("Page 1 of ", "href=\"/?kind=NEW&amp;page=2&amp;size=1\"").doesNotContain("Previous page");
        String second = curator.get("/?kind=NEW&size=1&page=2").body();
        assertThat(second).contains("Page 2 of ", "href=\"/?kind=NEW&amp;page=1&amp;size=1\"");
        assertThat(curator.get("/?size=500").statusCode()).isEqualTo(400);
    }
}
