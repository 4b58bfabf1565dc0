package org.imagingcatalog.publicweb.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 15: V5 fills the trust columns of the rows a read model already holds from their resource JSON (rows written
 * before the trust fields existed state none and stay UNKNOWN). Its UPDATE is run again here on rows written the old
 * way, in a transaction that is rolled back.
 */
@QuarkusTest
class TrustColumnsMigrationTest {

    @Test
    @SuppressWarnings("unchecked")
    void theMigrationFillsTheTrustColumnsFromTheStoredJson() throws Exception {
        String update;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V5__trust_filters.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("UPDATE entry e SET");
            update = sql.substring(start, sql.indexOf(';', start));
        }
        String stated = Entries.unique("migrated");
        String silent = Entries.unique("migrated");
        List<Object> rows;
        QuarkusTransaction.begin();
        try {
            var em = Panache.getEntityManager();
            for (String[] row : List.of(new String[] {stated, "{\"id\":\"" + stated + "\",\"referenceStandard\":\"RT_PCR\","
                    + "\"population\":\"ADULT\",\"imageSource\":\"MIXED\",\"riskOfBias\":{\"participants\":{\"risk\":"
                    + "\"HIGH\",\"reason\":\"children as controls\"}}}"}, new String[] {silent, "{\"id\":\"" + silent + "\"}"})) {
                em.createNativeQuery("INSERT INTO entry (id, version, status, name, access, ct, xray, mri, ultrasound,"
                        + " metadata, case_review, updated_at, resource_json) VALUES (?1, 1, 'ACTIVE', 'm', 'OPEN',"
                        + " 'U', 'U', 'U', 'U', 'U', 'U', now(), ?2)").setParameter(1, row[0]).setParameter(2, row[1])
                        .executeUpdate();
            }
            em.createNativeQuery(update).executeUpdate();
            rows = (List<Object>) em.createNativeQuery("SELECT id || ' ' || reference_standard || ' ' || population || ' ' || image_source"
                    + " || ' ' || coalesce(participants_risk, '-') FROM entry WHERE id IN (?1, ?2) ORDER BY id")
                    .setParameter(1, stated).setParameter(2, silent).getResultList();
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(rows).containsExactlyInAnyOrder(stated + " RT_PCR ADULT MIXED HIGH", silent + " UNKNOWN UNKNOWN UNKNOWN -");
    }
}
