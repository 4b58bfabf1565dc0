package org.imagingcatalog.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh database on the machine's real PostgreSQL server, made for one test run and dropped
 * after it. Host and port come from {@code CATALOG_DB_HOST} / {@code CATALOG_DB_PORT}
 * (127.0.0.1:5432 by default), the user from {@code CATALOG_DB_USER} (postgres).
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create(String prefix) {
        String name = (prefix + "_test_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        execute("CREATE DATABASE " + name);
        return new TestDatabase(name);
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + name;
    }

    public static String user() {
        return env("CATALOG_DB_USER", "postgres");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), "");
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        String adminUrl = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, user(), "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    PostgreSQL at %s:%s did not accept "%s": %s
                    The tests need a PostgreSQL server with trust authentication for user %s.
                    On Debian: sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start
                    (or set CATALOG_DB_HOST / CATALOG_DB_PORT / CATALOG_DB_USER to one that runs)."""
                    .formatted(host(), port(), sql, e.getMessage(), user()), e);
        }
    }

    private static String host() {
        return env("CATALOG_DB_HOST", "127.0.0.1");
    }

    private static String port() {
        return env("CATALOG_DB_PORT", "5432");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
