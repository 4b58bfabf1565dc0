package org.imagingcatalog.publicweb.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.publicweb.readmodel.ReadModelStore;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.publicweb.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Acceptance 4: deleting the read model and rebuilding gives the same catalog, read again from the topic. */
@QuarkusTest
class RebuildTest {

    @Inject
    DataSource dataSource;

    @Inject
    ReadModelStore store;

    @Test
    void emptiedReadModelRebuildsTheSameCatalogFromTheTopic() throws Exception {
        String a = Entries.unique("rebuild");
        String b = Entries.unique("rebuild");
        Entries.publish(Entries.resource(a, "Rebuild A", "YNNNYU", "first", List.of("t")));
        // issue 15: the trust columns are refilled by the rebuild too (the checksum covers them)
        Entries.publish(Entries.resource(a, "Rebuild A v2", "YYNNYU", "second", List.of("t"))
                .withTrust(new org.imagingcatalog.model.trust.TrustFields(null, null,
                        org.imagingcatalog.model.trust.ReferenceStandard.RT_PCR,
                        org.imagingcatalog.model.trust.Population.ADULT, null, null, null)), 2,
                ResourceStatus.ACTIVE, "name changed", null);
        Entries.publish(Entries.resource(b, "Rebuild B", "UUUUUU", "gone", List.of("t")), 1,
                ResourceStatus.WITHDRAWN, "withdrawn", "no longer online");
        Entries.awaitVersion(a, 2);
        Entries.awaitVersion(b, 1);
        Entries.await(RebuildTest::caughtUp, "the consumer to catch up");
        String before = checksum();
        long rebuildsBefore = status().getLong("rebuilds");

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM entry; DELETE FROM entry_change; DELETE FROM consumer_offset");
        }
        assertThat(rows("entry")).isZero();

        given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).post("/admin/rebuild").then().statusCode(202);
        Entries.await(() -> status().getLong("rebuilds") > rebuildsBefore && caughtUp(), "the rebuild to finish");

        assertThat(checksum()).isEqualTo(before);
        assertThat(rows("entry")).isPositive();
        given().get("/api/v1/resources/" + a).then().statusCode(200).body("version", org.hamcrest.Matchers.is(2));
        given().get("/api/v1/resources/" + b).then().statusCode(200).body("status", org.hamcrest.Matchers.is("WITHDRAWN"));
        given().get("/api/v1/resources?population=ADULT&rtPcrOnly=true&size=100").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(a));
    }

    private static io.restassured.path.json.JsonPath status() {
        return given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).get("/admin/rebuild").then()
                .statusCode(200).extract().jsonPath();
    }

    private static boolean caughtUp() {
        return status().getBoolean("caughtUp");
    }

    private String checksum() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        store.dump().forEach(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    private long rows(String table) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
