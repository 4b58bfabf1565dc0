package org.imagingcatalog.curation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.curation.support.CurationApi;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

@QuarkusTest
class HistoryTest {

    @Inject
    DataSource dataSource;

    @Test
    void editEditRevertWithdrawRestoreMakesOneNewVersionEachWithTheRightSnapshotsAndDiffs() {
        String id = CurationApi.createResource("hist");
        String originalName = "Collection " + id;

        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Renamed once", "reason", "typo in the name"))
                .put("/api/v1/resources/{id}", id).then().statusCode(200)
                .header("ETag", containsString("2")).body("version", equalTo(2));
        asCurator().header("If-Match", "\"2\"").body(Map.of("modalities", Map.of("ct", "Y"), "license", "CC0-1.0", "reason", "CT and licence checked"))
                .put("/api/v1/resources/{id}", id).then().statusCode(200).body("version", equalTo(3));
        asCurator().body(Map.of("toVersion", 1, "reason", "the edits were wrong"))
                .post("/api/v1/resources/{id}/revert", id).then().statusCode(201).body("version", equalTo(4));
        asCurator().body(Map.of("reason", "data set taken offline"))
                .post("/api/v1/resources/{id}/withdraw", id).then().statusCode(201).body("version", equalTo(5));
        asCurator().body(Map.of("reason", "back online"))
                .post("/api/v1/resources/{id}/restore", id).then().statusCode(201).body("version", equalTo(6));

        JsonPath versions = asCurator().get("/api/v1/resources/{id}/versions", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(versions.getList("version", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(versions.getList("snapshot.name", String.class)).containsExactly(originalName, "Renamed once",
                "Renamed once", originalName, originalName, originalName);
        assertThat(versions.getList("snapshot.modalities.ct", String.class)).containsExactly("U", "U", "Y", "U", "U", "U");
        assertThat(versions.getList("status", String.class))
                .containsExactly("ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "WITHDRAWN", "ACTIVE");
        assertThat(versions.getList("snapshot.status", String.class))
                .containsExactly("ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE", "WITHDRAWN", "ACTIVE");
        assertThat(versions.getList("snapshot.version", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(versions.getList("[1].changedFields", String.class)).containsExactly("name");
        assertThat(versions.getList("[2].changedFields", String.class)).containsExactly("modalities.ct", "license");
        assertThat(versions.getList("[3].changedFields", String.class)).containsExactly("name", "modalities.ct", "license");
        assertThat(versions.getList("[4].changedFields", String.class)).containsExactly("status");
        assertThat(versions.getList("[5].changedFields", String.class)).containsExactly("status");
        assertThat(versions.getList("curator", String.class)).containsOnly("curator");
        assertThat(versions.getString("[0].reason")).isEqualTo("welcome");
        assertThat(versions.getString("[1].reason")).isEqualTo("typo in the name");
        assertThat(versions.getString("[2].reason")).isEqualTo("CT and licence checked");
        assertThat(versions.getString("[3].reason")).contains("reverted to version 1").contains("the edits were wrong");
        assertThat(versions.getString("[4].reason")).isEqualTo("data set taken offline");
        assertThat(versions.getString("[2].summary")).contains("CT changed from U to Y");

        asCurator().get("/api/v1/resources/{id}/versions/3", id).then().statusCode(200)
                .body("snapshot.license", equalTo("CC0-1.0"));
        asCurator().get("/api/v1/resources/{id}/diff?from=1&to=3", id).then().statusCode(200)
                .body("changes.field", equalTo(List.of("name", "modalities.ct", "license")))
                .body("changes[1].before", equalTo("U")).body("changes[1].after", equalTo("Y"));
        asCurator().get("/api/v1/resources/{id}/diff?from=3&to=1", id).then().statusCode(200)
                .body("changes[1].before", equalTo("Y"));
        asCurator().get("/api/v1/resources/{id}/diff?from=1&to=4", id).then().statusCode(200)
                .body("changes", equalTo(List.of()));
        asCurator().get("/api/v1/resources/{id}/diff?from=4&to=5", id).then().statusCode(200)
                .body("changes.field", equalTo(List.of("status")));
        asCurator().get("/api/v1/resources/{id}/diff?from=1&to=9", id).then().statusCode(404)
                .contentType("application/problem+json");
        asCurator().get("/api/v1/resources/{id}/diff?from=1", id).then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void directEditsNeedTheVersionTheyAreBasedOn() {
        String id = CurationApi.createResource("ifmatch");
        asCurator().body(Map.of("name", "No precondition", "reason", "r")).put("/api/v1/resources/{id}", id)
                .then().statusCode(428).contentType("application/problem+json").body("currentVersion", equalTo(1));
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "First", "reason", "r")).put("/api/v1/resources/{id}", id)
                .then().statusCode(200);
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Stale", "reason", "r")).put("/api/v1/resources/{id}", id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("currentVersion", equalTo(2)).body("detail", containsString("version 2"));
        asCurator().header("If-Match", "\"2\"").body(Map.of("url", "ftp://nope", "reason", "r")).put("/api/v1/resources/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("url"));
        asCurator().header("If-Match", "\"2\"").body(Map.of("id", "another-id", "reason", "r")).put("/api/v1/resources/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("id"));
        asCurator().get("/api/v1/resources/{id}", id).then().statusCode(200)
                .body("version", equalTo(2)).body("snapshot.name", equalTo("First"));
        asCurator().body(Map.of("reason", "")).post("/api/v1/resources/{id}/withdraw", id)
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        asCurator().body(Map.of("reason", "nothing to restore")).post("/api/v1/resources/{id}/restore", id)
                .then().statusCode(409);
        asCurator().get("/api/v1/resources/no-such-resource/versions").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAVersion() throws SQLException {
        String id = CurationApi.createResource("immutable");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                    "UPDATE resource_version SET reason = 'rewritten' WHERE resource_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM resource_version WHERE resource_id = '" + id + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE resource_version CASCADE"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
        }
        asCurator().get("/api/v1/resources/{id}/versions/1", id).then().statusCode(200).body("reason", equalTo("welcome"));
    }
}
