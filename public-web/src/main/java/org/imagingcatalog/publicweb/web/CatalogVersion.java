package org.imagingcatalog.publicweb.web;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The catalog's current stamp, held in memory so every request can answer 304 without touching the
 * database. The read model moves it forward after each committed change; the response cache listens.
 */
@Startup
@ApplicationScoped
public class CatalogVersion {

    @Inject
    DataSource dataSource;

    @Inject
    ResponseCache cache;

    private final AtomicReference<CatalogStamp> current = new AtomicReference<>();

    @PostConstruct
    void load() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT change_counter, last_modified FROM catalog_state WHERE id = 1")) {
            rs.next();
            current.set(new CatalogStamp(rs.getLong(1), rs.getTimestamp(2).toInstant()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog state", e);
        }
    }

    public CatalogStamp current() {
        return current.get();
    }

    /** Called after a change to the read model committed. */
    public void changed(CatalogStamp stamp) {
        current.set(stamp);
        cache.clear();
    }
}
