package org.imagingcatalog.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Command-line options of the drivers (bench/run passes them through). */
record Options(Path root, Path out, Path work, boolean quick, Set<String> parts, List<Integer> sizes, int runs,
        String keycloak, String dbHost, String dbPort, String dbUser, String dbPassword,
        List<String> serviceJavaOpts, String note, boolean profile) {

    /** The same defaults as deploy/local/up.sh. */
    static final String DEFAULT_SERVICE_JAVA_OPTS = "-XX:+UseSerialGC -Xms32m -Xmx512m";

    static final List<String> ALL_PARTS = List.of("footprint", "reading", "scale", "propagation", "intake", "lineage",
            "linkcheck", "import", "release");

    static Options parse(String[] args) {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path out = null;
        Path work = null;
        boolean quick = false;
        Set<String> parts = new LinkedHashSet<>(ALL_PARTS);
        List<Integer> sizes = null;
        Integer runs = null;
        String note = "";
        boolean profile = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--out" -> out = Path.of(args[++i]).toAbsolutePath();
                case "--work" -> work = Path.of(args[++i]).toAbsolutePath();
                case "--quick" -> quick = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--note" -> note = args[++i];
                case "--profile" -> profile = true;
                case "--only" -> {
                    parts = new LinkedHashSet<>();
                    for (String p : args[++i].split(",")) {
                        if (!ALL_PARTS.contains(p.trim())) {
                            throw new IllegalArgumentException("unknown part " + p + "; parts: " + ALL_PARTS);
                        }
                        parts.add(p.trim());
                    }
                }
                case "--sizes" -> {
                    sizes = new ArrayList<>();
                    for (String s : args[++i].split(",")) {
                        sizes.add(Integer.parseInt(s.trim().replace("_", "")));
                    }
                    sizes.sort(null);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (sizes == null) {
            sizes = quick ? List.of(200, 1000) : List.of(1000, 10_000, 100_000);
        }
        // keep the canonical order whatever order --only named the parts in
        Set<String> ordered = new LinkedHashSet<>();
        for (String p : ALL_PARTS) {
            if (parts.contains(p)) {
                ordered.add(p);
            }
        }
        String opts = env("SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS);
        return new Options(root, out == null ? root.resolve("bench/results/" + java.time.LocalDate.now() + ".md") : out,
                work == null ? root.resolve("bench/target/work") : work, quick, ordered, sizes,
                runs == null ? (quick ? 1 : 3) : runs,
                "http://localhost:" + env("KEYCLOAK_PORT", "8180"),
                env("CATALOG_DB_HOST", "127.0.0.1"), env("CATALOG_DB_PORT", "5432"), env("CATALOG_DB_USER", "postgres"),
                env("CATALOG_DB_PASSWORD", ""), List.of(opts.trim().split("\\s+")), note, profile);
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    /** The largest catalog size of the run: what the reading part measures, and the size of issue 18's goals. */
    int largestSize() {
        return sizes.get(sizes.size() - 1);
    }

    /** How long one wrk run lasts, in seconds. */
    int wrkSeconds() {
        return quick ? 3 : 20;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
