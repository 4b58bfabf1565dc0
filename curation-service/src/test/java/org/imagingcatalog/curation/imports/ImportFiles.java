package org.imagingcatalog.curation.imports;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Import files and calls of the imports API, and the database counts an import must (or must not) change. */
final class ImportFiles {

    private ImportFiles() {
    }

    static String uniqueId(String prefix) {
        return Submissions.uniqueId(prefix);
    }

    static RequestSpecification curator() {
        return given().header("Authorization", Tokens.bearer(Tokens.CURATOR));
    }

    /** RestAssured would name ISO-8859-1 for a text type that names none; a spreadsheet's CSV UTF-8 says what it is. */
    static final String CSV = "text/csv; charset=UTF-8";

    static Response dryRunCsv(String csv) {
        return dryRun(CSV, csv.getBytes(StandardCharsets.UTF_8));
    }

    static Response dryRun(String contentType, byte[] body) {
        return curator().contentType(contentType).body(body).post("/api/v1/imports?dryRun=true");
    }

    static Response applyCsv(String csv, String reason) {
        return apply(CSV, csv.getBytes(StandardCharsets.UTF_8), reason);
    }

    static Response apply(String contentType, byte[] body, String reason) {
        return curator().contentType(contentType).body(body).queryParam("reason", reason).post("/api/v1/imports");
    }

    /** A CSV text: the header and rows, each row's cells joined as given (cells are quoted by the caller). */
    static String csv(String header, String... rows) {
        StringBuilder text = new StringBuilder(header).append("\r\n");
        for (String row : rows) {
            text.append(row).append("\r\n");
        }
        return text.toString();
    }

    /** A JSON array of new resources with the fields every valid resource needs. */
    static String newResources(List<String> ids) {
        StringBuilder json = new StringBuilder("[");
        for (String id : ids) {
            json.append(json.length() > 1 ? "," : "").append("{\"id\":\"").append(id).append("\",\"name\":\"Imported ")
                    .append(id).append("\",\"url\":\"https://example.org/").append(id)
                    .append("\",\"license\":\"CC-BY-4.0\",\"tags\":[\"imported\"]}");
        }
        return json.append("]").toString();
    }

    /** Rows of the tables every import writes to (and a refused one must leave alone). */
    static Map<String, Long> counts(DataSource dataSource) {
        return Map.of("resource", count(dataSource, "SELECT count(*) FROM resource"),
                "resource_version", count(dataSource, "SELECT count(*) FROM resource_version"),
                "audit_entry", count(dataSource, "SELECT count(*) FROM audit_entry"),
                "outbox_message", count(dataSource, "SELECT count(*) FROM outbox_message"),
                "import_run", count(dataSource, "SELECT count(*) FROM import_run"),
                "import_version", count(dataSource, "SELECT count(*) FROM import_version"));
    }

    static long count(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
