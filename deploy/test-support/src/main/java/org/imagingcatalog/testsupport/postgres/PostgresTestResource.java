package org.imagingcatalog.testsupport.postgres;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the Quarkus application under test its own fresh database on the real PostgreSQL server.
 * The init arg {@code prefix} names it after the service (for example {@code submission}).
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String prefix = "catalog";
    private TestDatabase database;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("prefix", prefix);
    }

    @Override
    public Map<String, String> start() {
        database = TestDatabase.create(prefix);
        return Map.of(
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", TestDatabase.user(),
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
    }
}
