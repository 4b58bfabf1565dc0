package org.imagingcatalog.publicweb.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** After many changes the read model refreshes PostgreSQL's statistics itself (%test threshold: 40 events). */
@QuarkusTest
class MaintenanceTest {

    @Inject
    DataSource dataSource;

    @Test
    void aBulkOfChangesEndsInVacuumAnalyzeOnceCaughtUp() throws Exception {
        Timestamp before = lastVacuum();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            String id = Entries.unique("bulk");
            ids.add(id);
            Entries.publish(Entries.resource(id, "Bulk " + i, "NNNNNN", "bulk import", List.of("bulk")));
        }
        ids.forEach(id -> Entries.awaitVersion(id, 1));
        Entries.await(() -> {
            Timestamp now = lastVacuum();
            return now != null && (before == null || now.after(before));
        }, "a VACUUM (ANALYZE) of the read model");
        assertThat(lastAnalyze()).isNotNull();
    }

    private Timestamp lastVacuum() {
        return statistic("last_vacuum");
    }

    private Timestamp lastAnalyze() {
        return statistic("last_analyze");
    }

    private Timestamp statistic(String column) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + column + " FROM pg_stat_user_tables WHERE relname = 'entry'")) {
            return rs.next() ? rs.getTimestamp(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
