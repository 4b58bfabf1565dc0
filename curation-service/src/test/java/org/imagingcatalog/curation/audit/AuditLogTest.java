package org.imagingcatalog.curation.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.imagingcatalog.curation.support.CurationApi.asAdmin;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The audit log: append-only in the database, readable whole through the API by catalog-admin only. */
@QuarkusTest
class AuditLogTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    @Test
    void onlyCatalogAdminReadsTheWholeAuditLogThroughTheApiInPagesWithFilters() {
        String id = CurationApi.createResource("audit");
        asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Audited rename", "reason", "audit test"))
                .put("/api/v1/resources/{id}", id).then().statusCode(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        asCurator().get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("catalog-admin"));
        given().header("Authorization", Tokens.bearer(Tokens.CONTRIBUTOR)).get("/api/v1/audit").then().statusCode(403);
        given().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");

        JsonPath all = asAdmin().get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertThat(all.getInt("total")).isGreaterThanOrEqualTo(2);
        assertThat(all.getInt("page")).isEqualTo(1);
        assertThat(all.getInt("size")).isEqualTo(50);
        assertThat(all.getList("items.action", String.class)).isNotEmpty();

        JsonPath edits = asAdmin().get("/api/v1/audit?curator=curator&action=EDIT&from=" + today + "&to=" + today + "&size=1")
                .then().statusCode(200).extract().jsonPath();
        assertThat(edits.getList("items")).hasSize(1);
        assertThat(edits.getString("items[0].actor")).isEqualTo("curator");
        assertThat(edits.getString("items[0].action")).isEqualTo("EDIT");
        assertThat(edits.getString("items[0].occurredAt")).startsWith(today);
        assertThat(edits.getString("items[0].subject")).isEqualTo(id);
        assertThat(edits.getString("items[0].detail")).contains("audit test");
        assertThat(edits.getString("previous")).isNull();
        if (edits.getInt("total") > 1) {
            assertThat(edits.getString("next")).isEqualTo(
                    "/api/v1/audit?curator=curator&action=EDIT&from=" + today + "&to=" + today + "&page=2&size=1");
        }
        asAdmin().get("/api/v1/audit?to=2001-01-01").then().statusCode(200).body("total", equalTo(0))
                .body("items.size()", equalTo(0));
        asAdmin().get("/api/v1/audit?curator=nobody-at-all").then().statusCode(200).body("total", equalTo(0));

        asAdmin().get("/api/v1/audit?action=NOPE").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("action"));
        asAdmin().get("/api/v1/audit?from=yesterday").then().statusCode(400).body("errors.field", hasItem("from"));
        asAdmin().get("/api/v1/audit?to=2026-13-45").then().statusCode(400).body("errors.field", hasItem("to"));
        asAdmin().get("/api/v1/audit?from=2026-02-01&to=2026-01-01").then().statusCode(400)
                .body("errors.field", hasItem("from"));
        asAdmin().get("/api/v1/audit?size=201").then().statusCode(400).body("errors.field", hasItem("size"));
        asAdmin().get("/api/v1/audit?page=-1").then().statusCode(400).body("errors.field", hasItem("page"));
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditEntries() throws SQLException {
        CurationApi.createResource("audit-immutable");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET actor = 'someone else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_entry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        asAdmin().get("/api/v1/audit?curator=someone else").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theAuditPagePagesAndFiltersByCuratorActionAndDate() {
        String id = CurationApi.createResource("audit-page");
        asCurator().body(Map.of("reason", "offline for a while")).post("/api/v1/resources/{id}/withdraw", id)
                .then().statusCode(201);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);

        String filtered = curator.get("/audit?curator=curator&action=WITHDRAW&from=" + today + "&to=" + today).body();
        assertThat(filtered).contains("name=\"curator\" type=\"text\" value=\"curator\"", "name=\"from\"", "name=\"to\"",
                "<option value=\"WITHDRAW\" selected>", id, "offline for a while");
        assertThat(filtered).doesNotContain("<td>DECISION</td>", "<td>LOGIN</td>");
        assertThat(curator.get("/audit?to=2001-01-01").body()).contains("Nothing recorded");
        assertThat(curator.get("/audit?curator=nobody-at-all").body()).contains("Nothing recorded");

        String firstPage = curator.get("/audit?size=1").body();
        assertThat(firstPage).contains("Page 1 of ", "href=\"/audit?page=2&amp;size=1\"");
        assertThat(curator.get("/audit?size=1&page=2").body()).contains("Page 2 of ", "href=\"/audit?page=1&amp;size=1\"");

        var bad = curator.get("/audit?from=not-a-date");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("from", "2026-01-31");
    }

    @Test
    void catalogAdminReadsTheAuditPageButDoesNotCurate() {
        WebSession admin = WebSession.loggedIn(base.toString(), Tokens.ADMIN);
        var audit = admin.get("/audit");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("<h1>Audit</h1>").doesNotContain("href=\"/resources\"");
        var queue = admin.get("/");
        assertThat(queue.statusCode()).isEqualTo(403);
        assertThat(queue.body()).contains("href=\"/audit\"");
    }
}
