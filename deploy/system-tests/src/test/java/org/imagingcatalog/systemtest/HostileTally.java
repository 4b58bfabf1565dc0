package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imagingcatalog.systemtest.HostileRequest.Case;

/** Counts the answers of a hostile run by status and route, keeps the failures, and writes the figures. */
final class HostileTally {

    private static final int FAILURES_KEPT = 100;

    private final Map<String, Map<Integer, Integer>> byRoute = new TreeMap<>();
    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byExpect = new TreeMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failureKinds = new TreeMap<>();
    private final Map<Integer, String> services = new TreeMap<>();
    private int failureCount;
    private int total;

    synchronized void record(Case c, HostileWire.Answer answer, String problem) {
        total++;
        byStatus.merge(answer.status(), 1, Integer::sum);
        byRoute.computeIfAbsent(service(c) + " " + c.route(), k -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        byExpect.merge(c.expect().name(), 1, Integer::sum);
        if (problem != null) {
            failureCount++;
            // one example of each kind of failure on each route, so a report shows every distinct problem
            String kind = service(c) + " " + c.route() + ": " + problem.replaceAll("\\d+ bytes", "n bytes");
            if (failureKinds.merge(kind, 1, Integer::sum) == 1 && failures.size() < FAILURES_KEPT) {
                String body = answer.text();
                failures.add(kind + " <- " + c.request().describe() + " answered: "
                        + body.substring(0, Math.min(300, body.length())).replaceAll("\\s+", " "));
            }
        }
    }

    void name(int port, String service) {
        services.put(port, service);
    }

    private String service(Case c) {
        return services.getOrDefault(c.port(), Integer.toString(c.port()));
    }

    synchronized int total() {
        return total;
    }

    synchronized int failureCount() {
        return failureCount;
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    /** Answers by class: 2xx, 3xx, 4xx, 5xx, and no answer. */
    synchronized Map<String, Integer> classes() {
        Map<String, Integer> classes = new TreeMap<>();
        byStatus.forEach((status, n) -> classes.merge(status == 0 ? "no answer" : (status / 100) + "xx", n, Integer::sum));
        return classes;
    }

    synchronized String report(long seed, Duration took, Map<String, Long> before, Map<String, Long> after) {
        StringBuilder s = new StringBuilder();
        s.append("# Hostile input\n\n");
        s.append("Seed ").append(seed).append(" (rerun with `-Dhostile.seed=").append(seed).append("`).\n\n");
        s.append("| figure | value |\n|---|---|\n");
        s.append("| requests tried | ").append(total).append(" |\n");
        s.append("| time taken | ").append(String.format("%.1f s", took.toMillis() / 1000.0)).append(" |\n");
        s.append("| requests per second | ").append(String.format("%.0f", total / Math.max(0.001, took.toMillis() / 1000.0)))
                .append(" |\n");
        byExpect.forEach((expect, n) -> s.append("| cases expecting ").append(expect).append(" | ").append(n).append(" |\n"));
        s.append("| failed checks | ").append(failureCount).append(" |\n\n");
        s.append("## Answers by class\n\n| class | requests |\n|---|---|\n");
        classes().forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        s.append("\n## Answers by status\n\n| status | requests |\n|---|---|\n");
        byStatus.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        s.append("\n## Answers by route\n\n| route | statuses |\n|---|---|\n");
        byRoute.forEach((route, statuses) -> s.append("| ").append(route.replace("|", "\\|")).append(" | ")
                .append(statuses.toString().replaceAll("[{}]", "")).append(" |\n"));
        s.append("\n## What the catalog holds, before and after\n\n| count | before | after |\n|---|---|---|\n");
        before.forEach((k, v) -> s.append("| ").append(k).append(" | ").append(v).append(" | ").append(after.get(k))
                .append(" |\n"));
        if (!failures.isEmpty()) {
            s.append("\n## Failures by kind\n\n| failure | requests |\n|---|---|\n");
            failureKinds.forEach((k, v) -> s.append("| ").append(k.replace("|", "\\|")).append(" | ").append(v).append(" |\n"));
            s.append("\n## An example of each\n\n");
            failures.forEach(f -> s.append("- ").append(f.replace("\n", " ")).append('\n'));
        }
        return s.toString();
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
