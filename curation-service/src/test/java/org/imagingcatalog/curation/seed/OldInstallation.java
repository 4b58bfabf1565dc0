package org.imagingcatalog.curation.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.testsupport.postgres.TestDatabase;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A database as an installation from before the trust fields left it: the schema up to V3, the seed imported as
 * version 1 without any trust field (as the seed list then was), the seed_import marker written; and one curator's
 * edit of a seed entry's reference standard ({@link #EDITED}) as version 2. The application then starts on it.
 */
public class OldInstallation implements QuarkusTestResourceLifecycleManager {

    /** The seed entry a curator edited (its reference standard) before the upgrade, and the value they chose. */
    static final ReferenceStandard CURATORS_STANDARD = ReferenceStandard.RADIOLOGIST;
    static final String EDITED = editedEntry();

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create("curation_old");
        Flyway.configure().dataSource(database.jdbcUrl(), TestDatabase.user(), "")
                .locations("classpath:db/outbox", "classpath:db/migration").target(MigrationVersion.fromVersion("3"))
                .load().migrate();
        try (Connection c = database.connect()) {
            List<SeedEntry> seed = SeedCatalog.load();
            Instant at = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
            for (SeedEntry entry : seed) {
                Resource bare = entry.resource().withTrust(TrustFields.none()).withVersion(1, ResourceStatus.ACTIVE);
                head(c, bare, at);
                version(c, bare, ResourceDiff.changedFields(null, bare), "added to the catalog", "seed",
                        SeedCatalog.PROVENANCE, at);
                if (bare.id().equals(EDITED)) {
                    Resource edited = bare.withTrust(new TrustFields(null, null, CURATORS_STANDARD, null, null, null, null))
                            .withVersion(2, ResourceStatus.ACTIVE);
                    version(c, edited, List.of("referenceStandard"), "reference standard changed from UNKNOWN to RADIOLOGIST", "curator",
                            "the curator's own reading", at.plusSeconds(60));
                    try (PreparedStatement s = c.prepareStatement("UPDATE resource SET current_version = 2 WHERE id = ?")) {
                        s.setString(1, bare.id());
                        s.executeUpdate();
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO seed_import (id, entries) VALUES (1, ?)")) {
                s.setInt(1, seed.size());
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the old installation", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(), "quarkus.datasource.username", TestDatabase.user(),
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }

    /** A seed entry whose sources state a reference standard: the curator's edit is one the seed would otherwise fill. */
    private static String editedEntry() {
        return SeedCatalog.load().stream().map(SeedEntry::resource)
                .filter(r -> r.referenceStandard() != ReferenceStandard.UNKNOWN && r.referenceStandard() != CURATORS_STANDARD)
                .map(Resource::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("no seed entry states a reference standard"));
    }

    private static void head(Connection c, Resource r, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO resource (id, current_version, status, name, url, updated_at) VALUES (?, 1, 'ACTIVE', ?, ?, ?)")) {
            s.setString(1, r.id());
            s.setString(2, r.name());
            s.setString(3, r.url());
            s.setTimestamp(4, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private static void version(Connection c, Resource r, List<String> changed, String summary, String curator,
            String reason, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO resource_version (resource_id, version, snapshot, "
                + "changed_fields, summary, curator, created_at, reason, status) VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, 'ACTIVE')")) {
            s.setString(1, r.id());
            s.setInt(2, r.version());
            s.setString(3, EventJson.mapper().writeValueAsString(r));
            s.setArray(4, c.createArrayOf("text", changed.toArray()));
            s.setString(5, summary);
            s.setString(6, curator);
            s.setTimestamp(7, Timestamp.from(at));
            s.setString(8, reason);
            s.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
