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
    static final String EMPTY_APP = "empty-rest-app";
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
        if (options.profile()) {
            deleteTree(jfrDirectory());
        }
        broker = new KafkaBroker(work.resolve("kafka")).start(classpath);
        for (String db : DATABASES.values()) {
            psql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            psql("CREATE DATABASE " + db);
        }
        return this;
    }

    /**
     * The empty Quarkus REST application (bench/empty-rest-app, built by bench/run), prepared like a service: a frozen
     * copy with its own AppCDS archive, the same JVM options; it needs no database, broker or Keycloak.
     */
    ServiceInstance prepareEmptyApp() {
        Path source = options.root().resolve("bench/empty-rest-app/target/quarkus-app");
        if (!Files.isRegularFile(source.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(source + "/quarkus-run.jar missing: bench/run builds it "
                    + "(./mvnw -o -q -f bench/empty-rest-app/pom.xml package)");
        }
        Path app = work.resolve("apps").resolve(EMPTY_APP);
        copyTree(source, app);
        ServiceInstance instance = new ServiceInstance(EMPTY_APP, app, work.resolve(EMPTY_APP + ".log"), Map.of(),
                options.serviceJavaOpts());
        instances.put(EMPTY_APP, instance);
        return instance;
    }

    /**
     * A further replica of a prepared service, as the production overlay runs two: the same frozen copy, environment,
     * database (the read model, the outbox) and consumer group, its own port; not started.
     */
    ServiceInstance replica(String service, int number) {
        String name = service + "-" + number;
        ServiceInstance replica = instances.get(service).replica(name, work.resolve(name + ".log"));
        instances.put(name, replica);
        profile(replica);
        return replica;
    }

    /** With --profile: the instance's next start records a flight recording (JFR, profile settings) until it stops. */
    void profile(ServiceInstance instance) {
        if (options.profile()) {
            try {
                Files.createDirectories(jfrDirectory());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // deeper stacks than the default 64: Vert.x and RESTEasy Reactive frames would hide the catalog's own code
            instance.extraJvmOptions(List.of("-XX:FlightRecorderOptions=stackdepth=128", "-XX:StartFlightRecording=filename="
                    + jfrFile(instance.name) + ",settings=profile,dumponexit=true,maxsize=2g"));
        }
    }

    Path jfrDirectory() {
        return options.work().resolve("jfr");
    }

    Path jfrFile(String instanceName) {
        return jfrDirectory().resolve(instanceName + ".jfr");
    }

    /** The instances started with a flight recording, by name. */
    Map<String, ServiceInstance> instances() {
        return new LinkedHashMap<>(instances);
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
                    // with its modification time: the JVM refuses an AppCDS archive whose jars look changed
                    // ("A jar file is not the one used while building the shared archive file")
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
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
