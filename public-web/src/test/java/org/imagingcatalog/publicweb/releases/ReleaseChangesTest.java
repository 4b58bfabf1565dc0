package org.imagingcatalog.publicweb.releases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Releasing;
import org.imagingcatalog.publicweb.support.Releasing.Cut;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 17, part 1: what changed from one release to the next (an entry added, one restored, one withdrawn, one
 * changed field by field, one edited back to the same content), in the API and on the release's page.
 */
@QuarkusTest
class ReleaseChangesTest {

    @Test
    void theDiffOfTwoReleasesNamesWhatWasAddedRestoredWithdrawnAndChanged() {
        String word = Entries.unique("diff");
        Resource edited = Entries.resource(word + "-edited", "Diff Edited " + word, "YNNNYU", "before", List.of(word));
        Resource dropped = Entries.resource(word + "-dropped", "Diff Dropped " + word, "YNNNYU", "listed", List.of(word));
        Resource back = Entries.resource(word + "-back", "Diff Back " + word, "NYNNYU", "away then back", List.of(word));
        Resource same = Entries.resource(word + "-same", "Diff Same " + word, "NNYNYU", "unchanged", List.of(word));
        Resource added = Entries.resource(word + "-added", "Diff Added <b>& " + word, "NNNYYU", "new", List.of(word));
        Resource editedV2 = new Resource(edited.id(), edited.name(), edited.url(), "after", edited.provider(),
                edited.modalities(), edited.metadata(), edited.caseReview(), "CC0-1.0", edited.access(),
                edited.formats(), edited.counts(), edited.annotations(), edited.tags(), null, null);

        String first = Entries.unique("r");
        Releasing.publish(new Cut(first, null, Instant.parse("2026-04-01T09:00:00Z"), null, 4), List.of(
                Releasing.frozen(edited, 1, ResourceStatus.ACTIVE), Releasing.frozen(dropped, 1, ResourceStatus.ACTIVE),
                Releasing.frozen(back, 1, ResourceStatus.WITHDRAWN), Releasing.frozen(same, 1, ResourceStatus.ACTIVE)), 10);
        String second = Entries.unique("r");
        Releasing.publish(new Cut(second, "Second cut.\n\nWith <notes> & more.", Instant.parse("2026-05-01T09:00:00Z"),
                first, 5), List.of(
                Releasing.frozen(editedV2, 2, ResourceStatus.ACTIVE), Releasing.frozen(dropped, 2, ResourceStatus.WITHDRAWN),
                Releasing.frozen(back, 2, ResourceStatus.ACTIVE), Releasing.frozen(same, 3, ResourceStatus.ACTIVE),
                Releasing.frozen(added, 1, ResourceStatus.ACTIVE)), 10);

        JsonPath diff = given().get("/api/v1/releases/" + first + "/diff/" + second).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(diff.getString("from")).isEqualTo(first);
        assertThat(diff.getString("to")).isEqualTo(second);
        assertThat(diff.getMap("counts")).isEqualTo(Map.of("added", 1, "restored", 1, "withdrawn", 1, "changed", 1));
        assertThat(diff.getList("added.id")).containsExactly(added.id());
        assertThat(diff.getInt("added[0].version")).isEqualTo(1);
        assertThat(diff.getList("restored.id")).containsExactly(back.id());
        assertThat(diff.getList("withdrawn.id")).containsExactly(dropped.id());
        assertThat(diff.getInt("withdrawn[0].version")).as("as it was listed").isEqualTo(1);
        assertThat(diff.getList("changed.id")).containsExactly(edited.id());
        assertThat(diff.getInt("changed[0].fromVersion")).isEqualTo(1);
        assertThat(diff.getInt("changed[0].toVersion")).isEqualTo(2);
        assertThat(diff.getList("changed[0].changes.field")).containsExactly("description", "license");
        assertThat(diff.getString("changed[0].changes[1].before")).isEqualTo("CC-BY-4.0");
        assertThat(diff.getString("changed[0].changes[1].after")).isEqualTo("CC0-1.0");

        // the other way round is the opposite story
        JsonPath back2 = given().get("/api/v1/releases/" + second + "/diff/" + first).then().statusCode(200).extract()
                .jsonPath();
        assertThat(back2.getList("withdrawn.id")).containsExactly(added.id(), back.id());
        assertThat(back2.getList("restored.id")).containsExactly(dropped.id());

        JsonPath detail = given().get("/api/v1/releases/" + second).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getMap("changes")).isEqualTo(Map.of("since", first, "added", 1, "restored", 1,
                "withdrawn", 1, "changed", 1));
        assertThat(detail.getInt("entryCount")).isEqualTo(5);
        assertThat(detail.getInt("listedCount")).isEqualTo(4);
        assertThat(detail.getString("previous")).isEqualTo(first);
        assertThat(detail.getString("links.diffFromPrevious")).endsWith("/api/v1/releases/" + first + "/diff/" + second);
        JsonPath firstDetail = given().get("/api/v1/releases/" + first).then().statusCode(200).extract().jsonPath();
        assertThat((Object) firstDetail.get("changes")).as("the first release compares with nothing").isNull();
        assertThat(firstDetail.getInt("listedCount")).isEqualTo(3);

        String page = given().get("/releases/" + second).then().statusCode(200).contentType("text/html").extract()
                .asString();
        assertThat(page).contains("What changed since <a href=\"/releases/" + first + "\">" + first + "</a>",
                "1 added, 1 restored, 1 withdrawn, 1 changed.",
                "<a href=\"/resources/" + added.id() + "\">Diff Added &lt;b&gt;&amp; " + word + "</a>",
                "<a href=\"/resources/" + back.id() + "\">Diff Back " + word + "</a>",
                "<a href=\"/resources/" + dropped.id() + "\">Diff Dropped " + word + "</a>",
                "<a href=\"/resources/" + edited.id() + "\">Diff Edited " + word + "</a> <span class=\"muted\">(version 1"
                        + " to 2)</span>",
                "<li>description: <del>before</del>", "<ins>after</ins></li>",
                "<li>license: <del>CC-BY-4.0</del>", "<ins>CC0-1.0</ins></li>",
                "<p>Second cut.</p>", "<p>With &lt;notes&gt; &amp; more.</p>")
                .doesNotContain(same.id(), "<b>&");
        assertThat(page.indexOf("id=\"added\"")).isLessThan(page.indexOf("id=\"restored\""));
        assertThat(page.indexOf("id=\"withdrawn\"")).isLessThan(page.indexOf("id=\"changed\""));
        assertThat(given().get("/releases/" + first).then().statusCode(200).extract().asString())
                .contains("This is the first release");
    }
}
