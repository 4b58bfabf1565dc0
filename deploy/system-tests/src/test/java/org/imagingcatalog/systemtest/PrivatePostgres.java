package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.imagingcatalog.testsupport.Quietly;

/**
 * A PostgreSQL server of our own, from the machine's binaries, on a free port with its data under
 * {@code target/}: the fault tests stop and restart it, which they must never do to the machine's
 * shared server that other tests use. It runs as the {@code postgres} user (the server refuses to
 * run as root) with trust authentication on 127.0.0.1 only.
 */
final class PrivatePostgres implements AutoCloseable {

    static final String USER = "postgres";
    private static final Path BIN = Path.of(System.getenv().getOrDefault("CATALOG_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private final Path base;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path base, int port) {
        this.base = base;
        this.data = base.resolve("data");
        this.port = port;
    }

    /** Initialises a new cluster in {@code base} (emptied first) and starts it. */
    static PrivatePostgres start(Path base) {
        PrivatePostgres server = new PrivatePostgres(base, CatalogStack.freePort());
        server.init();
        server.start();
        return server;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database and answers its JDBC URL. */
    String createDatabase(String name) {
        execute("CREATE DATABASE " + name);
        return jdbcUrl(name);
    }

    /**
     * A copy of {@code source} taken with pg_dump while its service keeps running (one consistent
     * snapshot); answers the copy's JDBC URL.
     */
    String copyDatabase(String source, String copy) {
        execute("CREATE DATABASE " + copy);
        String connection = "-h 127.0.0.1 -p " + port + " -U " + USER;
        int exit = run(List.of("bash", "-c", "set -o pipefail; %s %s --no-owner %s | %s %s -q -v ON_ERROR_STOP=1 %s".formatted(
                BIN.resolve("pg_dump"), connection, source, BIN.resolve("psql"), connection, copy)));
        if (exit != 0) {
            throw new IllegalStateException("copying database " + source + " to " + copy + " failed (" + exit
                    + "), see " + base.resolve("commands.log"));
        }
        return jdbcUrl(copy);
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    boolean isRunning() {
        return run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "status")) == 0;
    }

    synchronized void start() {
        int exit = run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                base.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1", "start"));
        if (exit != 0) {
            throw new IllegalStateException("the private PostgreSQL did not start (" + exit + "):\n" + logTail());
        }
    }

    /** A normal fast shutdown: open sessions are cut, committed data stays. */
    synchronized void stop() {
        if (isRunning()) {
            int exit = run(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w",
                    "-t", "60", "stop"));
            if (exit != 0) {
                throw new IllegalStateException("the private PostgreSQL did not stop (" + exit + "):\n" + logTail());
            }
        }
    }

    /** Stops the server; its data and log stay under target/ to look at, the next start empties them. */
    @Override
    public void close() {
        stop();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(base.resolve("postgres.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void init() {
        Quietly.deleteTree(base);
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the server runs as postgres, so that user must own its directory
        if (run(List.of("chown", USER + ":", base.toString())) != 0) {
            throw new IllegalStateException("cannot hand " + base + " to the postgres user");
        }
        int exit = run(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        if (exit != 0) {
            throw new IllegalStateException("initdb failed (" + exit + ") in " + data);
        }
        // room for the services and the second instances of the replay test; fsync off because a
        // test cluster needs no protection against power loss, only against a server restart
        String settings = "\nmax_connections = 300\nfsync = off\nsynchronous_commit = on\n";
        try {
            Files.writeString(data.resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void execute(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("private PostgreSQL refused \"" + sql + "\": " + e.getMessage(), e);
        }
    }

    /** Runs a command as the postgres user (chown as ourselves); answers its exit code. */
    private int run(List<String> command) {
        List<String> full = new ArrayList<>();
        if (!command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("commands.log").toFile()))
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Waits until the server accepts connections again (after {@link #start()} from another thread). */
    void awaitAccepting(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                Quietly.sleep(200);
            }
        }
        throw new IllegalStateException("the private PostgreSQL did not accept connections within " + timeout);
    }

}
