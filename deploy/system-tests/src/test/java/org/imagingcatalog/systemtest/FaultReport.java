package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures the fault tests measured, written to {@code target/reliability/faults.md} (and printed)
 * after each test, in a fixed order whatever order the tests ran in.
 */
final class FaultReport {

    private static final Map<String, Section> SECTIONS = new TreeMap<>();
    private static final Path FILE = Path.of(System.getProperty("catalog.root", "../.."))
            .resolve("deploy/system-tests/target/reliability/faults.md").toAbsolutePath().normalize();

    /** One test's figures as a two-column table; {@code key} orders the sections (a, b1, ...). */
    static final class Section {
        private final String key;
        private final String title;
        private final List<String[]> rows = new ArrayList<>();

        private Section(String key, String title) {
            this.key = key;
            this.title = title;
        }

        Section figure(String what, Object value) {
            rows.add(new String[] {what, String.valueOf(value)});
            return this;
        }

        Section seconds(String what, Duration duration) {
            return figure(what, "%.1f s".formatted(duration.toMillis() / 1000.0));
        }

        /** Writes every section measured so far and prints this one. */
        void publish() {
            synchronized (SECTIONS) {
                SECTIONS.put(key, this);
                write();
            }
            System.out.println(render());
        }

        private String render() {
            StringBuilder md = new StringBuilder("## ").append(title).append("\n\n| figure | value |\n|---|---|\n");
            for (String[] row : rows) {
                md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" |\n");
            }
            return md.append('\n').toString();
        }
    }

    private FaultReport() {
    }

    static Section section(String key, String title) {
        return new Section(key, title);
    }

    static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    private static void write() {
        StringBuilder md = new StringBuilder("# Faults: nothing lost, nothing doubled\n\n")
                .append("Measured by the Fault*IT system tests (deploy/system-tests) on ").append(Instant.now())
                .append(", against a private stack: its own Kafka KRaft broker, its own PostgreSQL server, ")
                .append("the three services as built jars.\n\n");
        SECTIONS.values().forEach(section -> md.append(section.render()));
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
