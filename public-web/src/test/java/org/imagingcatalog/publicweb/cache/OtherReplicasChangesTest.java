package org.imagingcatalog.publicweb.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.imagingcatalog.publicweb.readmodel.CatalogStamp;
import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Another replica sharing the read model applies a change this replica's consumer never sees (its partition is
 * elsewhere): this replica must stop answering 304 for the old catalog. The test plays the other replica with a
 * connection of its own, doing what that replica's transaction does; the safety-net re-read is two minutes away
 * in the test profile, so only the notification can explain what the test sees.
 */
@QuarkusTest
class OtherReplicasChangesTest {

    @Inject
    AgroalDataSource database;
    @Inject
    CatalogVersion version;

    @Test
    void aChangeCommittedByAnotherReplicaEndsTheOldCatalogsValidatorsHere() throws SQLException {
        String etag = given().get("/api/v1/resources?size=1").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/resources?size=1").then().statusCode(304);

        long counter = anotherReplicaCommitsAChange();

        Entries.await(() -> version.current().counter() >= counter, "the catalog stamp at " + counter);
        String fresh = given().header("If-None-Match", etag).get("/api/v1/resources?size=1").then().statusCode(200)
                .extract().header("ETag");
        assertThat(fresh).isNotEqualTo(etag);
    }

    @Test
    void lateNewsOfAnOlderCatalogNeverTakesReadersBack() throws SQLException {
        long counter = anotherReplicaCommitsAChange();
        Entries.await(() -> version.current().counter() >= counter, "the catalog stamp at " + counter);
        CatalogStamp now = version.current();

        anotherReplicaNotifies((counter - 3) + "|" + now.lastModified().getEpochSecond());
        anotherReplicaNotifies("not a stamp");
        long later = anotherReplicaCommitsAChange();

        Entries.await(() -> version.current().counter() >= later, "the catalog stamp at " + later);
        assertThat(version.current().counter()).isEqualTo(later);
    }

    /** What another replica's read-model transaction does to the shared state row; answers the new counter. */
    private long anotherReplicaCommitsAChange() throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            long counter;
            long second;
            try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("""
                    UPDATE catalog_state SET change_counter = change_counter + 1, last_modified = now()
                    WHERE id = 1 RETURNING change_counter, extract(epoch FROM last_modified)::bigint""")) {
                row.next();
                counter = row.getLong(1);
                second = row.getLong(2);
            }
            try (Statement s = c.createStatement()) {
                s.execute("NOTIFY catalog_changed, '" + counter + "|" + second + "'");
            }
            c.commit();
            return counter;
        }
    }

    private void anotherReplicaNotifies(String payload) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_notify('catalog_changed', '" + payload.replace("'", "''") + "')");
        }
    }
}
