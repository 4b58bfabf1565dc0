package org.imagingcatalog.curation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.imports.ImportFiles.csv;
import static org.imagingcatalog.curation.imports.ImportFiles.dryRun;
import static org.imagingcatalog.curation.imports.ImportFiles.dryRunCsv;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.curation.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** What a hostile or broken import file gets: a clear answer per row or for the whole file, never a 500, never a part. */
@QuarkusTest
class ImportHostileInputTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    DataSource dataSource;

    private static String newRow(String id, String description) {
        return id + ",Collection " + id + ",https://example.org/" + id + "," + description;
    }

    @Test
    void aFormulaIsRefusedUnlessItIsANumberAndTheExportsApostropheRoundTrips() {
        String formula = ImportFiles.uniqueId("formula");
        String negative = ImportFiles.uniqueId("negative");
        String escaped = ImportFiles.uniqueId("escaped");
        JsonPath dry = dryRunCsv(csv("id,name,url,description,patients",
                formula + ",\"=HYPERLINK(\"\"https://evil.example\"\",\"\"open\"\")\",https://example.org/x,,",
                negative + ",Negative,https://example.org/n,,-1",
                escaped + ",'@team imaging,https://example.org/e,'=SUM(A1:A3),")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(dry.getList("rows.outcome", String.class)).containsExactly("INVALID", "INVALID", "NEW");
        assertThat(dry.getString("rows[0].errors[0].field")).isEqualTo("name");
        assertThat(dry.getString("rows[0].errors[0].message")).contains("a spreadsheet would run it as a formula",
                "leading apostrophe");
        assertThat(dry.getString("rows[1].errors[0].field")).isEqualTo("counts.patients");
        assertThat(dry.getString("rows[1].errors[0].message")).isEqualTo("must not be negative");
        Map<String, Object> after = fieldsAfter(dry, 2);
        assertThat(after).containsEntry("name", "@team imaging").containsEntry("description", "=SUM(A1:A3)");
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWholeNamingTheByte() {
        String id = ImportFiles.uniqueId("cp1252");
        byte[] head = ("id,name,url\r\n" + id + ",Caf").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(head);
        file.write(0xE9); // "é" in Windows-1252
        file.writeBytes(",https://example.org/x\r\n".getBytes(StandardCharsets.UTF_8));
        Map<String, Long> before = ImportFiles.counts(dataSource);
        dryRun(ImportFiles.CSV, file.toByteArray()).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("detail", allOf(containsString("not UTF-8"), containsString("offset " + head.length),
                        containsString("0xE9"), containsString("Windows-1252 are not guessed")));
        ImportFiles.apply(ImportFiles.CSV, file.toByteArray(), "a reason").then().statusCode(400);
        ImportFiles.apply("text/csv; charset=windows-1252", csv("id,name", id + ",x").getBytes(StandardCharsets.UTF_8),
                "a reason").then().statusCode(400).body("detail", containsString("must be UTF-8"));
        assertThat(ImportFiles.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void aByteOrderMarkIsSkippedAndQuotedLineBreaksAndCommasAreKept() {
        String id = ImportFiles.uniqueId("bom");
        byte[] text = csv("id,name,url,description", newRow(id, "\"line one\nline two, still two\"")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        JsonPath dry = dryRun(ImportFiles.CSV, withBom).then().statusCode(200).extract().jsonPath();
        assertThat(dry.getList("rows.outcome", String.class)).containsExactly("NEW");
        assertThat(dry.getString("rows[0].id")).isEqualTo(id);
        assertThat(fieldsAfter(dry, 0)).containsEntry("description", "line one\nline two, still two");
    }

    @Test
    void aSecondRowWithTheSameIdIsInvalidNamingTheFirst() {
        String id = ImportFiles.uniqueId("twice");
        JsonPath dry = dryRunCsv(csv("id,name,url,description", newRow(id, "first"), newRow(id, "second")))
                .then().statusCode(200).extract().jsonPath();
        assertThat(dry.getList("rows.outcome", String.class)).containsExactly("NEW", "INVALID");
        assertThat(dry.getString("rows[1].errors[0].field")).isEqualTo("id");
        assertThat(dry.getString("rows[1].errors[0].message")).contains("already on row 1");
    }

    @Test
    void rowsWithTooManyOrTooFewCellsAreInvalid() {
        String id = ImportFiles.uniqueId("cells");
        JsonPath dry = dryRunCsv(csv("id,name,url,description", newRow(id, "a,b"), id + "-2,Short"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(dry.getList("rows.outcome", String.class)).containsExactly("INVALID", "INVALID");
        assertThat(dry.getString("rows[0].errors[0].message")).startsWith("has 5 cells (line 2), the header has 4");
        assertThat(dry.getString("rows[1].errors[0].message")).startsWith("has 2 cells (line 3), the header has 4");
    }

    @Test
    void filesThatCannotBeImportedAtAllSayWhy() {
        dryRun(ImportFiles.CSV, new byte[0]).then().statusCode(400).body("detail", containsString("The file is empty"));
        dryRunCsv("id,name,url\r\n").then().statusCode(400).body("detail", containsString("a header but no rows"));
        dryRunCsv(csv("id,name,colour", "x,y,blue")).then().statusCode(400)
                .body("detail", containsString("a column \"colour\" that the catalog's CSV export does not have"));
        dryRunCsv(csv("name,url", "x,https://example.org")).then().statusCode(400)
                .body("detail", containsString("no \"id\" column"));
        dryRunCsv("id,name\r\nx,\"never closed\r\n").then().statusCode(400)
                .body("detail", containsString("starts on line 2 never closes"));
        dryRun("application/json", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("detail", containsString("must be a JSON array"));
        dryRun("application/json", "[{\"id\":".getBytes(StandardCharsets.UTF_8)).then().statusCode(400)
                .body("detail", containsString("not JSON"));
        dryRun("application/json", "[42]".getBytes(StandardCharsets.UTF_8)).then().statusCode(200)
                .body("rows[0].outcome", equalTo("INVALID"))
                .body("rows[0].errors[0].message", containsString("must be a JSON object"));
        dryRun("application/json", "[{\"id\":42,\"name\":\"Forty-two\",\"url\":\"https://example.org/42\"}]"
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(200).body("rows[0].outcome", equalTo("INVALID"))
                .body("rows[0].errors[0].field", equalTo("id"));
        dryRun("application/xml", "<x/>".getBytes(StandardCharsets.UTF_8)).then().statusCode(415);
        asCurator().contentType("application/json").body("[]").post("/api/v1/imports?dryRun=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
    }

    @Test
    void aFileOver10MibIsRefusedSayingTheLimitWhileOtherRoutesKeep64Kib() throws IOException {
        String answer = declaredOnly("POST", "/api/v1/imports?dryRun=true", "text/csv", 50L * 1024 * 1024);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json",
                "at most 10485760 bytes (10 MiB) are accepted here");
        String other = declaredOnly("PUT", "/api/v1/resources/any-entry", "application/json", 100 * 1024);
        assertThat(other).startsWith("HTTP/1.1 413").contains("at most 65536 bytes (64 KiB) are accepted.");
        asCurator().header("If-Match", "\"1\"").body("{\"description\":\"" + "x".repeat(70_000) + "\",\"reason\":\"r\"}")
                .put("/api/v1/resources/any-entry").then().statusCode(413)
                .body("detail", containsString("at most 65536 bytes (64 KiB)"));
    }

    /** The fields a row's changes set (for a NEW row: every field of the entry). */
    private static Map<String, Object> fieldsAfter(JsonPath dry, int row) {
        Map<String, Object> fields = new java.util.HashMap<>();
        for (Map<String, Object> change : dry.<Map<String, Object>>getList("rows[" + row + "].changes")) {
            fields.put((String) change.get("field"), change.get("after"));
        }
        return fields;
    }

    /**
     * A request that declares a body of {@code length} bytes and sends none of it: the limit is checked on the
     * declared length, before anything is read. The raw answer (status line, headers, body).
     */
    private String declaredOnly(String method, String path, String contentType, long length) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost:" + base.getPort() + "\r\nAuthorization: "
                    + Tokens.bearer(Tokens.CURATOR) + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // the server may keep the connection open for the body it refused: read the answer by its own length
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                answer.write(buffer, 0, n);
                String text = answer.toString(StandardCharsets.ISO_8859_1);
                int headEnd = text.indexOf("\r\n\r\n");
                java.util.regex.Matcher declared = java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *(\\d+)")
                        .matcher(text);
                if (headEnd > 0 && declared.find() && answer.size() >= headEnd + 4 + Integer.parseInt(declared.group(1))) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
