package org.imagingcatalog.keycloak;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One real Keycloak per test JVM for the services' {@code @QuarkusTest}s:
 * {@code @QuarkusTestResource(KeycloakTestResource.class)} (declare it once; it is global).
 *
 * <p>The first {@link #start()} in a JVM starts Keycloak on a free port from the shared test home
 * {@code <repo>/.local/keycloak-test/keycloak-<version>} (a copy of the distribution, never the local
 * stack's home), with its dev database in a fresh temporary directory, so parallel test JVMs and a
 * running local stack do not disturb each other. Later starts (other test classes, Quarkus restarts)
 * reuse it; a JVM shutdown hook stops it and its child JVM.
 *
 * <p>Config it returns: {@code quarkus.oidc.auth-server-url=http://localhost:PORT/realms/imaging-catalog},
 * {@code keycloak.url=http://localhost:PORT}, {@code keycloak.realm-url}.
 *
 * <p>{@code -Dkeycloak.test.url=http://localhost:8180} (or env {@code KEYCLOAK_TEST_URL}) reuses an
 * already running Keycloak (e.g. the local stack's) instead of starting one.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    private static KeycloakServer server;
    private static String externalUrl;

    @Override
    public Map<String, String> start() {
        String url = keycloakUrl();
        return Map.of(
                "quarkus.oidc.auth-server-url", url + "/realms/" + KeycloakServer.REALM,
                "keycloak.url", url,
                "keycloak.realm-url", url + "/realms/" + KeycloakServer.REALM);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM: stopped by the shutdown hook, not per class.
    }

    /** {@code http://localhost:PORT} of the Keycloak for this JVM, starting it on first use. */
    public static synchronized String keycloakUrl() {
        if (externalUrl != null) {
            return externalUrl;
        }
        if (server != null) {
            return server.url();
        }
        String external = System.getProperty("keycloak.test.url", System.getenv("KEYCLOAK_TEST_URL"));
        if (external != null && !external.isBlank()) {
            externalUrl = external.endsWith("/") ? external.substring(0, external.length() - 1) : external;
            return externalUrl;
        }
        server = startServer();
        return server.url();
    }

    /** A token client against this JVM's Keycloak. */
    public static TokenClient tokenClient() {
        return new TokenClient(keycloakUrl());
    }

    /** Shortcut: an access token for a demo user through {@code catalog-cli}. */
    public static String accessToken(String username, String password) {
        return tokenClient().passwordGrantToken(username, password);
    }

    private static KeycloakServer startServer() {
        Path local = KeycloakDistribution.localDir();
        Path dist = KeycloakDistribution.distributionHome();
        Path home = KeycloakDistribution.ensureHomeCopy(dist,
                local.resolve("keycloak-test").resolve("keycloak-" + KeycloakDistribution.version()));
        Path dbDir;
        try {
            dbDir = Files.createTempDirectory("imagingcatalog-kc-db-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int port = KeycloakServer.freePort();
        KeycloakServer kc = KeycloakServer.builder(home)
                .port(port)
                .realmResource()
                // the same master-realm admin as the local stack's, so tests can use the admin API
                .bootstrapAdmin("admin", "admin")
                .databaseDir(dbDir)
                .logFile(local.resolve("logs").resolve("keycloak-test-" + port + ".log"))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kc.stop();
            try {
                KeycloakDistribution.deleteTree(dbDir);
            } catch (IOException ignored) {
                // temp dir; best effort
            }
        }, "keycloak-test-stop"));
        // One start at a time in a home: the first start of a fresh home augments lib/quarkus.
        KeycloakDistribution.withLock(home.resolveSibling(home.getFileName() + ".start.lock"), kc::start);
        return kc;
    }
}
