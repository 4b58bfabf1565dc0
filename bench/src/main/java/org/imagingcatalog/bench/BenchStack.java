package org.imagingcatalog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's own copy of the catalog: a private broker, databases bench_submission, bench_curation
 * and bench_publicweb on the stack's PostgreSQL, and one instance of each service (frozen copies of the
 * built jars) on free ports, using the stack's Keycloak for tokens. Everything the benchmark writes lands
 * here and is dropped at the end, so the local stack's data stays as it was.
 */
final class BenchStack implements AutoCloseable {

    static final List<String> SERVICES = List.of("curation-service", "public-web", "submission-service");
    private static final Map<String, String> DATABASES = Map.of("curation-service", "bench_curation",
            "public-web", "bench_publicweb", "submission-service", "bench_submission");

    private final Options options;
    private final Http http;
    private final Path work;
    private KafkaBroker broker;
    private final Map<String, ServiceInstance> instances = new LinkedHashMap<>();

    BenchStack(Options options, Http http) {
        this.options = options;
        this.http = http;
        this.work = options.work().resolve("stack");
    }

    KafkaBroker broker() {
        return broker;
    }

    ServiceInstance instance(String service) {
        return instances.get(service);
    }

    BenchStack startBroker() {
        deleteTree(work);
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path classpath;
        try (Stream<Path> files = Files.list(options.root().resolve(".local/kafka"))) {
            classpath = files.filter(p -> p.getFileName().toString().startsWith("classpath-"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no .local/kafka/classpath-*.txt: run deploy/local/up.sh once"));
        } catch (IOException e) {
            throw new IllegalStateException("no .local/kafka: run deploy/local/up.sh once", e);
        }
        broker = new KafkaBroker(work.resolve("kafka")).start(classpath);
        for (String db : DATABASES.values()) {
            psql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            psql("CREATE DATABASE " + db);
        }
        return this;
    }

    /** Creates (without starting) the instance of a service. */
    ServiceInstance prepare(String service) {
        Path source = options.root().resolve(service).resolve("target/quarkus-app");
        if (!Files.isRegularFile(source.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(source + "/quarkus-run.jar missing: build the services first");
        }
        Path app = work.resolve("apps").resolve(service);
        copyTree(source, app);
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap());
        env.put("CATALOG_DB_HOST", options.dbHost());
        env.put("CATALOG_DB_PORT", options.dbPort());
        env.put("CATALOG_DB_USER", options.dbUser());
        env.put("CATALOG_DB_PASSWORD", options.dbPassword());
        env.put("QUARKUS_DATASOURCE_USERNAME", options.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", options.dbPassword());
        env.put("QUARKUS_DATASOURCE_JDBC_URL",
                "jdbc:postgresql://" + options.dbHost() + ":" + options.dbPort() + "/" + DATABASES.get(service));
        env.put("KEYCLOAK_URL", options.keycloak());
        env.put("CATALOG_SUBMISSION_RATE_LIMIT_PER_MINUTE", "100000000");
        ServiceInstance instance = new ServiceInstance(service, app, work.resolve(service + ".log"), env,
                options.serviceJavaOpts());
        instances.put(service, instance);
        return instance;
    }

    String database(String service) {
        return DATABASES.get(service);
    }

    /** Empties a service's database (the instance must be stopped). */
    void resetDatabase(String service) {
        psql("DROP DATABASE IF EXISTS " + DATABASES.get(service) + " WITH (FORCE)");
        psql("CREATE DATABASE " + DATABASES.get(service));
    }

    String psql(String sql) {
        return psql("postgres", sql);
    }

    String psql(String database, String sql) {
        Map<String, String> env = Map.of("PGPASSWORD", options.dbPassword());
        return Procs.run(List.of("psql", "-X", "-q", "-h", options.dbHost(), "-p", options.dbPort(), "-U", options.dbUser(),
                "-d", database, "-v", "ON_ERROR_STOP=1", "-tAc", sql), env, 120).trim();
    }

    /** Stops the broker and the instances (idempotent; also the shutdown hook's work on Ctrl-C). */
    synchronized void stopProcesses() {
        instances.values().forEach(ServiceInstance::stop);
        if (broker != null) {
            broker.close();
        }
    }

    @Override
    public void close() {
        stopProcesses();
        for (String db : DATABASES.values()) {
            try {
                psql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("bench: could not drop " + db + ": " + e.getMessage());
            }
        }
        deleteTree(work.resolve("kafka"));
        deleteTree(work.resolve("apps"));
    }

    private static void copyTree(Path from, Path to) {
        deleteTree(to);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
