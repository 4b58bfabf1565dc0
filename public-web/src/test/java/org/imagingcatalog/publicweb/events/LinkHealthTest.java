package org.imagingcatalog.publicweb.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.LinkChecked;
import org.imagingcatalog.model.events.LinkStatus;
import org.imagingcatalog.publicweb.readmodel.LinkHealthStore;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Tokens;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Issue 16, part 3 on the public side: the latest link check of an entry (LinkChecked on catalog.link-health.v1) is the
 * contract's {@code link} in the API and a plain sentence on the page, renews cached answers and their validators, and
 * stays through a rebuild; the read side's {@code licenseSpdx} beside it.
 */
@QuarkusTest
class LinkHealthTest {

    @Inject
    LinkHealthStore links;

    @Test
    void aBrokenLinkIsShownOnTheApiAndThePageAndNoStale304IsServed() {
        String id = Entries.unique("link-broken");
        publish(id, "CC BY 4.0");

        JsonPath before = given().get("/api/v1/resources/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(before.getMap("link")).isEqualTo(Map.of("status", "UNCHECKED"));
        assertThat(before.getString("licenseSpdx")).isEqualTo("CC-BY-4.0");
        assertThat(before.getString("license")).isEqualTo("CC BY 4.0");
        Response page = given().get("/resources/" + id);
        assertThat(page.asString()).contains("This link has not been checked yet.",
                "CC BY 4.0 <span id=\"license-spdx\">(SPDX: <a href=\"https://spdx.org/licenses/CC-BY-4.0.html\""
                        + " rel=\"noopener\">CC-BY-4.0</a>)</span>");
        String json = "/api/v1/resources/" + id;
        String pageEtag = page.header("ETag");
        String jsonEtag = given().get(json).header("ETag");
        String listPath = "/api/v1/resources?q=" + id;
        String listEtag = given().get(listPath).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", pageEtag).get("/resources/" + id).then().statusCode(304);

        check(id, LinkStatus.BROKEN, 404, Instant.parse("2026-12-03T09:30:00Z"), null, "answered 404");
        awaitStatus(id, "BROKEN");

        Response renewed = given().header("If-None-Match", pageEtag).get("/resources/" + id);
        assertThat(renewed.statusCode()).as("the cached page of before the check is not 304").isEqualTo(200);
        assertThat(renewed.header("ETag")).isNotEqualTo(pageEtag);
        assertThat(renewed.asString()).contains("<p id=\"link-health\" class=\"notice notice-danger\"><strong>This link"
                + " was broken when last checked on 3 December 2026</strong> (HTTP 404).</p>");
        JsonPath after = given().header("If-None-Match", jsonEtag).get(json).then().statusCode(200).extract().jsonPath();
        assertThat(after.getMap("link")).isEqualTo(Map.of("status", "BROKEN", "checkedAt", "2026-12-03T09:30:00Z",
                "httpStatus", 404));
        JsonPath list = given().header("If-None-Match", listEtag).get(listPath).then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("items[0].id")).isEqualTo(id);
        assertThat(list.getString("items[0].link.status")).isEqualTo("BROKEN");
        assertThat(list.getString("items[0].licenseSpdx")).isEqualTo("CC-BY-4.0");
    }

    @Test
    void aMovedAChangedAndAnOkLinkAreSaidPlainlyAndOnlyALaterCheckReplacesTheStoredOne() {
        String id = Entries.unique("link-moved");
        publish(id, "Apache-2.0 OR MIT");

        check(id, LinkStatus.REDIRECTED, 301, Instant.parse("2026-12-01T08:00:00Z"), "https://new.example.org/" + id, null);
        awaitStatus(id, "REDIRECTED");
        assertThat(given().get("/api/v1/resources/" + id).jsonPath().getString("link.movedTo"))
                .isEqualTo("https://new.example.org/" + id);
        assertThat(pageOf(id)).contains("<strong>This link moved</strong> to <a href=\"https://new.example.org/" + id
                + "\" rel=\"noopener\">https://new.example.org/" + id + "</a> when last checked on 1 December 2026.")
                // a licence stated as its SPDX expression is not repeated
                .contains("<dt>Licence</dt><dd>Apache-2.0 OR MIT</dd>").doesNotContain("license-spdx");

        check(id, LinkStatus.CHANGED, 200, Instant.parse("2026-12-02T08:00:00Z"), null, "a new version is announced");
        awaitStatus(id, "CHANGED");
        assertThat(pageOf(id)).contains("<strong>The page changed since this entry was last reviewed</strong> (checked on"
                + " 2 December 2026).");

        check(id, LinkStatus.OK, 304, Instant.parse("2026-12-04T08:00:00Z"), null, null);
        awaitStatus(id, "OK");
        assertThat(pageOf(id)).contains("<p id=\"link-health\" class=\"muted\">Link checked on 4 December 2026.</p>");

        // a check made before the stored one, arriving late, changes nothing (the marker tells when it was read)
        check(id, LinkStatus.BROKEN, 500, Instant.parse("2026-12-03T08:00:00Z"), null, null);
        String marker = Entries.unique("link-marker");
        check(marker, LinkStatus.OK, 200, Instant.parse("2026-12-03T08:00:00Z"), null, null);
        Entries.await(() -> links.dump().stream().anyMatch(row -> row.startsWith(marker + "|")), "the marker's check");
        assertThat(given().get("/api/v1/resources/" + id).jsonPath().getString("link.checkedAt"))
                .isEqualTo("2026-12-04T08:00:00Z");
    }

    @Test
    void aRebuildOfTheEntriesKeepsTheLinkChecks() {
        String id = Entries.unique("link-rebuild");
        publish(id, "not a licence anyone knows");
        check(id, LinkStatus.OK, 200, Instant.parse("2026-12-03T07:00:00Z"), null, null);
        awaitStatus(id, "OK");
        assertThat(given().get("/api/v1/resources/" + id).jsonPath().getString("licenseSpdx")).isNull();
        List<String> stored = links.dump();

        long rebuildsBefore = rebuildStatus().getLong("rebuilds");
        given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).post("/admin/rebuild").then().statusCode(202);
        Entries.await(() -> rebuildStatus().getLong("rebuilds") > rebuildsBefore && rebuildStatus().getBoolean("caughtUp"),
                "the rebuild to finish");

        assertThat(links.dump()).isEqualTo(stored);
        Entries.awaitVersion(id, 1);
        assertThat(given().get("/api/v1/resources/" + id).jsonPath().getString("link.status")).isEqualTo("OK");
        assertThat(pageOf(id)).contains("Link checked on 3 December 2026.");
    }

    private static void publish(String id, String licence) {
        Entries.publish(new Resource(id, "Link health " + id, "https://example.org/" + id, "checked", "Test Institute",
                new Modalities(Availability.Y, Availability.N, Availability.N, Availability.N), Availability.U,
                Availability.U, licence, Access.OPEN, List.of("PNG"), new Counts(10L, 100L, null), List.of(),
                List.of(id), null, null));
        Entries.awaitVersion(id, 1);
    }

    private static void check(String id, LinkStatus status, Integer httpStatus, Instant checkedAt, String movedTo,
            String detail) {
        LinkChecked event = LinkChecked.of(id, "https://example.org/" + id, status, httpStatus, checkedAt, movedTo, detail);
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.LINK_HEALTH, event.key(), EventJson.write(event));
    }

    private static void awaitStatus(String id, String status) {
        Entries.await(() -> status.equals(given().get("/api/v1/resources/" + id).jsonPath().getString("link.status")),
                "link status " + status + " of " + id);
    }

    private static String pageOf(String id) {
        return given().get("/resources/" + id).then().statusCode(200).extract().asString();
    }

    private static JsonPath rebuildStatus() {
        return given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).get("/admin/rebuild").then().statusCode(200)
                .extract().jsonPath();
    }
}
