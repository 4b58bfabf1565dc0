package org.imagingcatalog.curation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.imports.ImportFiles.applyCsv;
import static org.imagingcatalog.curation.imports.ImportFiles.csv;
import static org.imagingcatalog.curation.imports.ImportFiles.curator;
import static org.imagingcatalog.curation.imports.ImportFiles.dryRunCsv;
import static org.imagingcatalog.curation.support.CurationApi.asAdmin;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** The imports API: dry run and real run agree, a bad row changes nothing, an import is reverted as one. */
@QuarkusTest
class ImportApiTest {

    @Inject
    DataSource dataSource;

    /** Two entries made by an import of a JSON array: the fixture of the other cases. */
    private List<String> twoEntries(String prefix) {
        List<String> ids = List.of(ImportFiles.uniqueId(prefix), ImportFiles.uniqueId(prefix));
        ImportFiles.apply("application/json", ImportFiles.newResources(ids).getBytes(StandardCharsets.UTF_8),
                "two entries for a test").then().statusCode(201).body("counts.NEW", equalTo(2));
        return ids;
    }

    @Test
    void theDryRunAndTheRealRunAgreeRowForRowAndColumnsLeftOutKeepTheirValues() {
        List<String> ids = twoEntries("agree");
        String changed = ids.get(0);
        String unchanged = ids.get(1);
        String created = ImportFiles.uniqueId("agree-new");
        String file = csv("id,name,url,description,patients",
                changed + ",Imported " + changed + ",https://example.org/" + changed + ",\"Now described, with a comma\",120",
                unchanged + ",Imported " + unchanged + ",https://example.org/" + unchanged + ",,",
                created + ",A new one,https://example.org/" + created + ",,7");
        Map<String, Long> before = ImportFiles.counts(dataSource);

        JsonPath dry = dryRunCsv(file).then().statusCode(200).body("dryRun", equalTo(true))
                .body("rowCount", equalTo(3)).extract().jsonPath();
        assertThat(ImportFiles.counts(dataSource)).as("a dry run changes nothing").isEqualTo(before);
        assertThat(dry.getList("rows.outcome", String.class)).containsExactly("CHANGED", "UNCHANGED", "NEW");
        assertThat(dry.getList("rows.row", Integer.class)).containsExactly(1, 2, 3);
        assertThat(dry.getMap("counts")).containsEntry("NEW", 1).containsEntry("CHANGED", 1)
                .containsEntry("UNCHANGED", 1).containsEntry("INVALID", 0);
        assertThat(dry.getList("rows[0].changes.field", String.class)).containsExactly("description", "counts.patients");
        assertThat(dry.getString("rows[0].changes[0].after")).isEqualTo("Now described, with a comma");
        assertThat(dry.getList("rows[2].changes.field", String.class)).contains("name", "counts.patients");

        JsonPath real = applyCsv(file, "the spring list from the hospital").then().statusCode(201)
                .header("Location", containsString("/api/v1/imports/")).body("status", equalTo("APPLIED"))
                .extract().jsonPath();
        assertThat(real.getList("rows")).as("the real run's rows are the dry run's").isEqualTo(dry.getList("rows"));
        String importId = real.getString("id");

        JsonPath version = asCurator().get("/api/v1/resources/{id}/versions/2", changed).then().statusCode(200)
                .extract().jsonPath();
        assertThat(version.getString("reason")).isEqualTo("the spring list from the hospital (import " + importId + ")");
        assertThat(version.getString("snapshot.description")).isEqualTo("Now described, with a comma");
        assertThat(version.getString("snapshot.license")).as("a column the file does not have").isEqualTo("CC-BY-4.0");
        assertThat(version.getList("snapshot.tags", String.class)).containsExactly("imported");
        asCurator().get("/api/v1/resources/{id}", unchanged).then().body("version", equalTo(1));
        asCurator().get("/api/v1/resources/{id}", created).then().statusCode(200).body("version", equalTo(1))
                .body("snapshot.counts.patients", equalTo(7)).body("status", equalTo("ACTIVE"));

        curator().get("/api/v1/imports/{id}", importId).then().statusCode(200).body("status", equalTo("APPLIED"))
                .body("reason", equalTo("the spring list from the hospital")).body("curator", equalTo("curator"))
                .body("rowCount", equalTo(3)).body("versions.resourceId", equalTo(List.of(changed, created)))
                .body("versions.previousVersion", equalTo(java.util.Arrays.asList(1, null)));
        asAdmin().get("/api/v1/audit?action=IMPORT&size=200").then().statusCode(200)
                .body("items.subject", org.hamcrest.Matchers.hasItems(changed, created, "import " + importId));
        Map<String, Long> after = ImportFiles.counts(dataSource);
        assertThat(after.get("resource_version") - before.get("resource_version")).isEqualTo(2);
        assertThat(after.get("outbox_message") - before.get("outbox_message")).as("one event per version").isEqualTo(2);
        assertThat(ImportFiles.count(dataSource, "SELECT count(*) FROM outbox_message WHERE topic = ? AND message_key = ?",
                "catalog.entries.v1", created)).isEqualTo(1);
    }

    @Test
    void oneInvalidRowInTheRealRunChangesNothingAndAnswers422WithTheRowTable() {
        List<String> ids = twoEntries("refused");
        String file = csv("id,description,url",
                ids.get(0) + ",A good change,https://example.org/" + ids.get(0),
                ids.get(1) + ",Another good change,not an address");
        Map<String, Long> before = ImportFiles.counts(dataSource);

        JsonPath refused = applyCsv(file, "should not happen").then().statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422))
                .body("detail", containsString("nothing was imported")).extract().jsonPath();
        assertThat(refused.getList("rows.outcome", String.class)).containsExactly("CHANGED", "INVALID");
        assertThat(refused.getString("rows[1].errors[0].field")).isEqualTo("url");
        assertThat(ImportFiles.counts(dataSource)).as("versions, audit, outbox, imports").isEqualTo(before);
        asCurator().get("/api/v1/resources/{id}", ids.get(0)).then().body("version", equalTo(1));

        JsonPath dry = dryRunCsv(file).then().statusCode(200).extract().jsonPath();
        assertThat(dry.getList("rows")).isEqualTo(refused.getList("rows"));
    }

    @Test
    void aRealRunNeedsAReason() {
        List<String> ids = twoEntries("reason");
        Map<String, Long> before = ImportFiles.counts(dataSource);
        applyCsv(csv("id,description", ids.get(0) + ",changed"), null).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        applyCsv(csv("id,description", ids.get(0) + ",changed"), "  ").then().statusCode(400);
        assertThat(ImportFiles.counts(dataSource)).isEqualTo(before);
    }

    @Test
    void revertingAnImportRestoresEveryEntryAndWithdrawsTheOnesItCreated() {
        List<String> ids = twoEntries("revert");
        String created = ImportFiles.uniqueId("revert-new");
        String importId = applyCsv(csv("id,name,url,description",
                ids.get(0) + ",Renamed by the import,https://example.org/" + ids.get(0) + ",new text",
                created + ",Created by the import,https://example.org/" + created + ","), "a list that was wrong")
                .then().statusCode(201).extract().path("id");

        curator().contentType("application/json").body(Map.of("reason", "the list was the wrong one"))
                .post("/api/v1/imports/{id}/revert", importId).then().statusCode(200).body("status", equalTo("REVERTED"))
                .body("revertReason", equalTo("the list was the wrong one"))
                .body("versions.revertVersion", equalTo(List.of(3, 2)));
        JsonPath first = asCurator().get("/api/v1/resources/{id}", ids.get(0)).then().body("version", equalTo(3))
                .extract().jsonPath();
        JsonPath original = asCurator().get("/api/v1/resources/{id}/versions/1", ids.get(0)).then().extract().jsonPath();
        assertThat(first.getMap("snapshot")).usingRecursiveComparison().ignoringFields("version")
                .isEqualTo(original.getMap("snapshot"));
        asCurator().get("/api/v1/resources/{id}", created).then().body("version", equalTo(2))
                .body("status", equalTo("WITHDRAWN"));

        curator().contentType("application/json").body(Map.of("reason", "again"))
                .post("/api/v1/imports/{id}/revert", importId).then().statusCode(409)
                .body("detail", containsString("already reverted"));
    }

    @Test
    void anImportIsNotRevertedOverALaterEdit() {
        List<String> ids = twoEntries("later");
        String importId = applyCsv(csv("id,description", ids.get(0) + ",by the import", ids.get(1) + ",also"),
                "imported descriptions").then().statusCode(201).extract().path("id");
        asCurator().header("If-Match", "\"2\"").contentType("application/json")
                .body(Map.of("description", "a curator's later edit", "reason", "better text"))
                .put("/api/v1/resources/{id}", ids.get(1)).then().statusCode(200);
        Map<String, Long> before = ImportFiles.counts(dataSource);

        curator().contentType("application/json").body(Map.of("reason", "undo"))
                .post("/api/v1/imports/{id}/revert", importId).then().statusCode(409)
                .body("detail", containsString(ids.get(1) + " (version 3, the import made version 2)"))
                .body("detail", containsString("Nothing was reverted"));
        assertThat(ImportFiles.counts(dataSource)).isEqualTo(before);
        curator().get("/api/v1/imports/{id}", importId).then().body("status", equalTo("APPLIED"));
    }

    @Test
    void unknownImportsAreNotFound() {
        curator().get("/api/v1/imports/{id}", java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        curator().get("/api/v1/imports/not-a-uuid").then().statusCode(404);
    }
}
