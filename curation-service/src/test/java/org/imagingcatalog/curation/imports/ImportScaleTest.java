package org.imagingcatalog.curation.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * 10,000 rows in one file of more than 5 MiB: checked and applied in one go, one version, audit record and event each.
 * (How fast is bench's business: bench/run.sh --only import.)
 */
@QuarkusTest
class ImportScaleTest {

    static final int ROWS = 10_000;
    private static final Logger LOG = Logger.getLogger(ImportScaleTest.class);

    @Inject
    DataSource dataSource;

    @Test
    void tenThousandRowsInAFileOverFiveMibImportInOneGo() {
        String prefix = "scale-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] file = file(prefix).getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(5 * 1024 * 1024);
        long outboxBefore = ImportFiles.count(dataSource, "SELECT count(*) FROM outbox_message");

        Response dryRun = ImportFiles.dryRun(ImportFiles.CSV, file);
        dryRun.then().statusCode(200).body("rowCount", equalTo(ROWS)).body("counts.NEW", equalTo(ROWS))
                .body("counts.INVALID", equalTo(0));
        Response applied = ImportFiles.apply(ImportFiles.CSV, file, "the big list");
        String importId = applied.then().statusCode(201).body("counts.NEW", equalTo(ROWS)).extract().path("id");
        // for the record only (the goals are bench's): what this machine took, as the client saw it
        LOG.infof("%d rows, %d bytes: dry run %d ms, applied in %d ms", ROWS, file.length, dryRun.time(), applied.time());

        assertThat(ImportFiles.count(dataSource, "SELECT count(*) FROM import_version WHERE import_id = ?",
                UUID.fromString(importId))).isEqualTo(ROWS);
        assertThat(ImportFiles.count(dataSource, "SELECT count(*) FROM resource_version WHERE resource_id LIKE ?",
                prefix + "-%")).isEqualTo(ROWS);
        assertThat(ImportFiles.count(dataSource, "SELECT count(*) FROM audit_entry WHERE action = 'IMPORT' AND subject LIKE ?",
                prefix + "-%")).isEqualTo(ROWS);
        assertThat(ImportFiles.count(dataSource, "SELECT count(*) FROM outbox_message") - outboxBefore)
                .isGreaterThanOrEqualTo(ROWS);
    }

    static String file(String prefix) {
        StringBuilder csv = new StringBuilder("id,name,url,description,provider,ct,license,access,formats,patients,tags\r\n");
        String description = "\"" + "A collection of chest radiographs, with reports; made for a scale test of the bulk import. "
                .repeat(5).strip() + "\"";
        for (int i = 0; i < ROWS; i++) {
            String id = prefix + "-" + i;
            csv.append(id).append(",Scale collection ").append(i).append(",https://example.org/").append(id).append(',')
                    .append(description).append(",Scale Hospital,Y,CC-BY-4.0,OPEN,DICOM; PNG,").append(i)
                    .append(",chest; scale\r\n");
        }
        return csv.toString();
    }
}
