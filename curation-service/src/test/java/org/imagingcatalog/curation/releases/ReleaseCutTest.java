package org.imagingcatalog.curation.releases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.imagingcatalog.curation.support.CurationApi.asAdmin;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.ReleasePublished;
import org.imagingcatalog.model.events.ReleasedVersion;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Cutting a release: who may, what it freezes, what it publishes, and that nothing changes it afterwards. */
@QuarkusTest
class ReleaseCutTest {

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonPath cut(String name, String notes) {
        return asAdmin().body(Map.of("name", name, "notes", notes)).post("/api/v1/releases").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/releases/" + name)).extract().jsonPath();
    }

    @Test
    void aReleaseFreezesEveryEntrysCurrentVersionAndPublishesThemInPartsThatValidate() throws Exception {
        String edited = CurationApi.createResource("release-edited");
        String name = uniqueName("2026.1");
        Map<String, Integer> heads = heads();

        JsonPath release = cut(name, "The first release.\nWith a second line.");

        assertThat(release.getString("name")).isEqualTo(name);
        assertThat(release.getString("cutBy")).isEqualTo(Tokens.ADMIN);
        assertThat(release.getInt("entryCount")).isEqualTo(heads.size());
        assertThat(release.getInt("listedCount")).isEqualTo(listedNow());
        assertThat(frozen(name)).as("one reference per entry, at the version it had").isEqualTo(heads);

        List<ReleasePublished> parts = parts(name);
        assertThat(parts).extracting(ReleasePublished::part).as("parts 0..n-1, each once")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, parts.size()).boxed().toList());
        Map<String, Integer> published = new HashMap<>();
        for (ReleasePublished part : parts) {
            assertThat(part.release()).isEqualTo(name);
            assertThat(part.entryCount()).isEqualTo(heads.size());
            assertThat(part.notes()).isEqualTo("The first release.\nWith a second line.");
            for (ReleasedVersion entry : part.entries()) {
                Resource snapshot = entry.snapshot();
                assertThat(published.put(snapshot.id(), snapshot.version())).as("entry %s in one part only", snapshot.id())
                        .isNull();
                assertThat(entry.versionCreatedAt()).isNotNull();
                if (snapshot.id().equals(edited)) {
                    assertThat(entry.reason()).as("the reason of the version it froze").isNotBlank();
                }
            }
        }
        assertThat(published).as("the parts hold exactly the frozen versions").isEqualTo(heads);
        assertThat(parts.stream().filter(p -> p.entries().size() > 1))
                .allSatisfy(p -> assertThat(EventJson.write(p).length()).isLessThan(ReleaseParts.PART_CHARS + 64 * 1024));

        // a later edit makes a new version; the release keeps the one it froze
        asCurator().body(Map.of("reason", "withdrawn after the release")).post("/api/v1/resources/{id}/withdraw", edited)
                .then().statusCode(201);
        assertThat(frozen(name)).containsEntry(edited, heads.get(edited)).isEqualTo(heads);
        asCurator().get("/api/v1/releases/{name}", name).then().statusCode(200).body("entryCount", equalTo(heads.size()));

        // the next release names this one as its previous and holds the withdrawal
        String next = uniqueName("2026.2");
        assertThat(cut(next, "").getString("previous")).isEqualTo(name);
        assertThat(frozen(next)).containsEntry(edited, heads.get(edited) + 1);
        asAdmin().get("/api/v1/audit?action=RELEASE_CUT&size=200").then().statusCode(200)
                .body("items.subject", hasItem(next));
    }

    @Test
    void aNameIsNeverUsedTwiceAndBadInputChangesNothing() throws Exception {
        String name = uniqueName("v1");
        cut(name, "once");
        long releases = count("SELECT count(*) FROM catalog_release");
        long parts = count("SELECT count(*) FROM outbox_message WHERE topic = '" + Topics.RELEASES + "'");

        asAdmin().body(Map.of("name", name)).post("/api/v1/releases").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("was cut on"));
        asAdmin().body(Map.of("name", "../etc passwd")).post("/api/v1/releases").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        asAdmin().body(Map.of("notes", "no name")).post("/api/v1/releases").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        asAdmin().body(Map.of("name", uniqueName("long"), "notes", "x".repeat(5001))).post("/api/v1/releases").then()
                .statusCode(400).body("errors[0].field", equalTo("notes"));
        asAdmin().body(Map.of("name", uniqueName("ctl"), "notes", "bell\u0007")).post("/api/v1/releases").then()
                .statusCode(400).body("errors[0].field", equalTo("notes"));
        asAdmin().body("{\"name\": \"" + uniqueName("x") + "\", \"unknown\": 1}").post("/api/v1/releases").then().statusCode(400);
        asAdmin().body("[]").post("/api/v1/releases").then().statusCode(400);

        assertThat(count("SELECT count(*) FROM catalog_release")).isEqualTo(releases);
        assertThat(count("SELECT count(*) FROM outbox_message WHERE topic = '" + Topics.RELEASES + "'")).isEqualTo(parts);
    }

    @Test
    void onlyCatalogAdminCutsWhileCuratorsMayReadTheList() {
        String name = uniqueName("role");
        asCurator().body(Map.of("name", name)).post("/api/v1/releases").then().statusCode(403);
        given().contentType("application/json").body(Map.of("name", name)).post("/api/v1/releases").then().statusCode(401);
        given().get("/api/v1/releases").then().statusCode(401);
        asCurator().get("/api/v1/releases").then().statusCode(200);
        asCurator().get("/api/v1/releases/{name}", name).then().statusCode(404);
        asCurator().get("/api/v1/releases/{name}", "no such/../name").then().statusCode(404);
    }

    @Test
    void theDatabaseRefusesToChangeARelease() throws Exception {
        String name = uniqueName("frozen");
        cut(name, "");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE catalog_release SET notes = 'rewritten' WHERE name = '" + name + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM release_entry WHERE release_name = '" + name + "'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("UPDATE release_entry SET version = version + 1 WHERE release_name = '"
                    + name + "'")).isInstanceOf(SQLException.class).hasMessageContaining("immutable");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE release_entry")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("immutable");
        }
    }

    @Test
    void theReleasePageCutsOnceAndAReloadDoesNotCutAgain() {
        WebSession admin = WebSession.loggedIn(base.toString(), Tokens.ADMIN);
        String name = uniqueName("page");
        var page = admin.get("/releases");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Cut a release");
        Map<String, String> form = WebSession.formValues(page.body(), "/releases");
        form.put("name", name);
        form.put("notes", "From the <form> & its notes");

        var answer = admin.post("/releases", form);
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/releases?cut=" + name);
        var list = admin.get("/releases?cut=" + name);
        assertThat(list.body()).contains("Release " + name + " is cut").contains(">" + name + "</a>")
                .contains("From the &lt;form&gt; &amp; its notes");

        // a second click on a fresh page, the same name: refused, with the cut's date and what to do
        Map<String, String> secondTry = WebSession.formValues(list.body(), "/releases");
        secondTry.put("name", name);
        var again = admin.post("/releases", secondTry);
        assertThat(again.statusCode()).as("the same name sent again").isEqualTo(409);
        assertThat(again.body()).contains("The release was not cut").contains("never reused");

        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        assertThat(curator.get("/releases").body()).contains(name).contains("Only a catalog administrator")
                .doesNotContain("Cut release</button>");
        assertThat(curator.post("/releases", WebSession.fields("csrf-token", curator.csrfToken("/imports"),
                "name", uniqueName("curator"))).statusCode()).as("a curator's own form post").isEqualTo(403);
    }

    private Map<String, Integer> heads() throws SQLException {
        return versions("SELECT id, current_version FROM resource", null);
    }

    private Map<String, Integer> frozen(String release) throws SQLException {
        return versions("SELECT resource_id, version FROM release_entry WHERE release_name = ?", release);
    }

    private Map<String, Integer> versions(String sql, String parameter) throws SQLException {
        Map<String, Integer> versions = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return versions;
    }

    private int listedNow() throws SQLException {
        return (int) count("SELECT count(*) FROM resource WHERE status = 'ACTIVE'");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The release's parts as the outbox holds them, in part order, each valid against the event's schema. */
    private List<ReleasePublished> parts(String release) throws SQLException {
        List<ReleasePublished> parts = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT message_key, payload FROM outbox_message WHERE topic = ? AND message_key LIKE ? ORDER BY id")) {
            s.setString(1, Topics.RELEASES);
            s.setString(2, release + "/%");
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String payload = rows.getString(2);
                    assertThat(EventSchemaCheck.violations(ReleasePublished.class, payload)).isEmpty();
                    ReleasePublished part = EventJson.read(payload, ReleasePublished.class);
                    assertThat(rows.getString(1)).isEqualTo(part.key());
                    assertThat(keys.add(part.key())).isTrue();
                    parts.add(part);
                }
            }
        }
        return parts;
    }
}
