package org.imagingcatalog.publicweb.releases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.ReleasePublished;
import org.imagingcatalog.model.events.ReleasedVersion;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Releasing;
import org.imagingcatalog.publicweb.support.Releasing.Cut;
import org.imagingcatalog.publicweb.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Issue 17, part 1: a release arrives in parts, in any order over the topic's partitions; it is shown only once the
 * parts hold all its entries, and exactly once however often a part is delivered again. Versions shared by releases
 * are stored once. A rebuild of the entries leaves the releases as they are.
 */
@QuarkusTest
class ReleasePartsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aReleaseInPartsAppearsWhenCompleteAndOnceWhateverIsRedelivered() throws Exception {
        String word = Entries.unique("parts");
        List<ReleasedVersion> entries = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            entries.add(Releasing.frozen(Entries.resource(word + "-" + i, "Parts " + i + " " + word, "YNNNYU", "part",
                    List.of(word)), i, i == 5 ? ResourceStatus.WITHDRAWN : ResourceStatus.ACTIVE));
        }
        String name = Entries.unique("r");
        Cut cut = new Cut(name, "In three parts.", Instant.parse("2026-06-01T10:00:00Z"), null, 5);
        List<ReleasePublished> parts = Releasing.parts(cut, entries, 2);
        assertThat(parts).hasSize(3);

        Releasing.send(parts.get(2));
        Releasing.send(parts.get(0));
        Releasing.send(parts.get(0)); // delivered twice
        Entries.await(() -> count("SELECT count(*) FROM release_part WHERE release_name = ?", name) == 2,
                "two parts of " + name + " stored");
        given().get("/api/v1/releases/" + name).then().statusCode(404);
        given().get("/releases/" + name).then().statusCode(404);
        given().get("/export/catalog.csv?release=" + name).then().statusCode(404);
        assertThat(given().get("/api/v1/releases").jsonPath().getList("releases.name")).doesNotContain(name);

        Releasing.send(parts.get(1));
        Releasing.awaitRelease(name);
        assertThat(given().get("/api/v1/releases").jsonPath().getList("releases.name").stream()
                .filter(name::equals)).hasSize(1);
        given().get("/api/v1/releases/" + name).then().statusCode(200)
                .body("entryCount", org.hamcrest.Matchers.is(5)).body("listedCount", org.hamcrest.Matchers.is(4));

        long consumed = consumedRecords();
        Releasing.send(parts.get(1)); // a replay of the whole release
        Releasing.send(parts.get(0));
        Releasing.send(parts.get(2));
        Entries.await(() -> consumedRecords() >= consumed + 3, "the replayed parts to be read");
        assertThat(count("SELECT count(*) FROM release_part WHERE release_name = ?", name)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM release_entry WHERE release_name = ?", name)).isEqualTo(5);
        assertThat(given().get("/api/v1/releases").jsonPath().getList("releases.name").stream()
                .filter(name::equals)).hasSize(1);
        String csv = given().get("/export/catalog.csv?release=" + name).then().statusCode(200).extract().asString();
        assertThat(csv.lines().filter(line -> line.startsWith(word))).hasSize(4);

        // a second release freezing the same versions refers to them: each is stored once
        String again = Entries.unique("r");
        Releasing.publish(new Cut(again, null, Instant.parse("2026-07-01T10:00:00Z"), name, 5), entries, 5);
        assertThat(count("SELECT count(*) FROM entry_version WHERE resource_id LIKE ?", word + "-%")).isEqualTo(5);
        given().get("/api/v1/releases/" + name + "/diff/" + again).then().statusCode(200)
                .body("counts.added", org.hamcrest.Matchers.is(0)).body("counts.changed", org.hamcrest.Matchers.is(0));

        // a rebuild of the entries keeps the releases and their offsets
        long rebuildsBefore = rebuildStatus().getLong("rebuilds");
        given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).post("/admin/rebuild").then().statusCode(202);
        Entries.await(() -> rebuildStatus().getLong("rebuilds") > rebuildsBefore && rebuildStatus().getBoolean("caughtUp"),
                "the rebuild to finish");
        assertThat(count("SELECT count(*) FROM release_entry WHERE release_name = ?", name)).isEqualTo(5);
        assertThat(consumedRecords()).isGreaterThanOrEqualTo(consumed + 3);
        given().get("/api/v1/releases/" + name).then().statusCode(200);
        assertThat(given().get("/export/catalog.csv?release=" + name).then().statusCode(200).extract().asString())
                .isEqualTo(csv);
    }

    /** How many records of the releases topic the read model has read, over all partitions. */
    private long consumedRecords() {
        return count("SELECT coalesce(sum(next_offset), 0) FROM consumer_offset WHERE topic = ?", Topics.RELEASES);
    }

    private long count(String sql, String parameter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.path.json.JsonPath rebuildStatus() {
        return given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).get("/admin/rebuild").then()
                .statusCode(200).extract().jsonPath();
    }
}
