package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 5: start-up time to ready and resident memory. Start-up: the benchmark's instance of each service,
 * started several times (first start migrates an empty database), from spawning the JVM to the first 200
 * of /q/health/ready. Memory: RSS after start-up and a short warm-up, and the peak sampled every 200 ms
 * under the load of the other parts; for the local stack's processes (Kafka, Keycloak, services) too.
 */
final class FootprintPart {

    /** Which phases loaded which process (for the "peak under load" column). */
    private static final Map<String, List<String>> LOADS = Map.of(
            "bench public-web", List.of("propagation", "scale-", "lineage"),
            "bench curation-service", List.of("propagation"),
            "bench submission-service", List.of("intake"),
            "bench kafka", List.of("propagation", "intake", "scale-", "lineage"),
            "stack public-web", List.of("reading"),
            "stack kafka", List.of("reading", "propagation", "intake", "scale-"),
            "stack keycloak", List.of("reading", "propagation", "intake", "scale-"));

    private final Report report;
    private final RssMonitor rss;
    private final Map<String, List<Double>> startups = new LinkedHashMap<>();
    private final Map<String, Long> afterWarmup = new LinkedHashMap<>();

    private final List<String> javaOpts;

    FootprintPart(Report report, RssMonitor rss, List<String> javaOpts) {
        this.javaOpts = javaOpts;
        this.report = report;
        this.rss = rss;
    }

    void startups(String name, List<Double> millis) {
        startups.put(name, millis);
    }

    void afterWarmup(String name, long bytes) {
        afterWarmup.put(name, bytes);
    }

    void write(List<String> phases) {
        report.section("5. Footprint: start-up and memory");
        report.paragraph("Start-up: from spawning the JVM (`java " + String.join(" ", javaOpts)
                + " -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar` in the service's quarkus-app directory, "
                + "as deploy/local/up.sh does) to the first 200 of `/q/health/ready`, polled every 10 ms; the benchmark's "
                + "instances, each started several times (the first start also migrates an empty database); median and all "
                + "runs. The benchmark's broker: from spawning the JVM to the first answer of describeCluster. "
                + "RSS: /proc (process and its children), after start-up plus a warm-up of 200 requests, and the peak "
                + "sampled every 200 ms while the other parts loaded the process.");
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>(afterWarmup.keySet());
        for (String name : rss.watched().keySet()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        startups.keySet().forEach(n -> {
            if (!names.contains(n)) {
                names.add(n);
            }
        });
        for (String name : names) {
            List<Double> s = startups.getOrDefault(name, List.of());
            long peak = 0;
            List<String> loads = new ArrayList<>();
            for (String phase : phases) {
                for (String prefix : LOADS.getOrDefault(name, List.of())) {
                    if (phase.startsWith(prefix)) {
                        long p = rss.peak(name, phase);
                        if (p > 0) {
                            peak = Math.max(peak, p);
                            if (!loads.contains(prefix.replace("-", ""))) {
                                loads.add(prefix.replace("-", ""));
                            }
                        }
                    }
                }
            }
            long warm = afterWarmup.getOrDefault(name, rss.peak(name, "idle"));
            rows.add(List.of(name, s.isEmpty() ? "n/a" : Stats.ms(Stats.median(s)),
                    s.isEmpty() ? "" : String.join(", ", s.stream().map(Stats::ms).toList()), Stats.mib(warm),
                    peak == 0 ? "n/a" : Stats.mib(peak), String.join(", ", loads)));
            if (name.startsWith("bench ") && !name.equals("bench kafka")) {
                String service = name.substring(6);
                if (!s.isEmpty()) {
                    double median = Stats.median(s);
                    report.goal("footprint", service + " ready < 3 s", Stats.ms(median) + " ms (median of " + s.size() + ")",
                            median < 3000, null);
                }
                long worst = Math.max(peak, warm);
                report.goal("footprint", service + " RSS < 300 MiB", Stats.mib(worst) + " MiB (peak)",
                        worst > 0 ? worst < 300L * 1048576 : null, loads.isEmpty() ? "after warm-up only" : "under " + String.join(", ", loads));
            }
        }
        report.table(List.of("process", "start-up ms (median)", "start-ups ms", "RSS after warm-up MiB",
                "peak RSS under load MiB", "load"), rows);
    }
}
