package org.imagingcatalog.publicweb.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.publicweb.readmodel.CatalogStampText;
import org.imagingcatalog.publicweb.readmodel.CatalogState;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Every replica shares one read model, but only the replica whose consumer applied a change learns of it from
 * Kafka. The others hear it from PostgreSQL: {@link CatalogState#bump()} notifies {@value CatalogState#CHANGED_CHANNEL}
 * when its transaction commits, and this listener moves {@link CatalogVersion} forward, which empties the response
 * cache. A notification lost while the connection was down is made good by reading the stamp after each
 * (re)connection and every {@code catalog.readmodel.recheck-every} while nothing arrives.
 */
@ApplicationScoped
public class OtherReplicasChanges {

    private static final Logger LOG = Logger.getLogger(OtherReplicasChanges.class);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final CatalogVersion version;
    private final Duration recheckEvery;
    private final String jdbcUrl;
    private final String user;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread listener;

    public OtherReplicasChanges(CatalogVersion version,
            @ConfigProperty(name = "catalog.readmodel.recheck-every", defaultValue = "5s") Duration recheckEvery,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.version = version;
        this.recheckEvery = recheckEvery;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        listener = new Thread(this::listen, "catalog-changes-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        closeQuietly(connection);
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        Duration retry = Duration.ofSeconds(1);
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password.orElse(""))) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + CatalogState.CHANGED_CHANNEL);
                }
                retry = Duration.ofSeconds(1);
                readStamp();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] news = pg.getNotifications((int) recheckEvery.toMillis());
                    if (news == null || news.length == 0) {
                        readStamp();
                        continue;
                    }
                    for (PGNotification notification : news) {
                        CatalogStampText.read(notification.getParameter()).ifPresent(version::changed);
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("not hearing other replicas' catalog changes (%s); trying again in %d s", e.getMessage(),
                        retry.toSeconds());
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retry.multipliedBy(2);
            }
        }
    }

    private void readStamp() {
        try {
            version.changed(QuarkusTransaction.requiringNew().call(CatalogState::current));
        } catch (RuntimeException e) {
            LOG.debugf("cannot read the catalog stamp now: %s", e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is how the listener is stopped; its error says nothing
            }
        }
    }
}
