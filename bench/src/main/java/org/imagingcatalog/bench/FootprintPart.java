package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 5: start-up time to ready and resident memory (issue 18). Start-up: each service's benchmark instance started
 * once on an empty database (it migrates it; shown apart), then several timed starts, round by round, each service and
 * the empty Quarkus REST application (bench/empty-rest-app) started alone with the same JVM options and the same kind
 * of AppCDS archive, from spawning the JVM to the first 200 of /q/health/ready; the ratio to the empty application's
 * median is issue 18's yardstick. Memory: RSS after start-up and a short warm-up, and the peak sampled every 200 ms
 * while the catalog was at its largest size and the other parts loaded the process; the local stack's processes too.
 */
final class FootprintPart {

    static final String EMPTY_APP = "bench " + BenchStack.EMPTY_APP;
    private static final long LIMIT_BYTES = 300L * 1048576;

    private final Report report;
    private final RssMonitor rss;
    private final List<String> javaOpts;
    private final int largestSize;
    private final Map<String, Double> firstStarts = new LinkedHashMap<>();
    private final Map<String, List<Double>> startups = new LinkedHashMap<>();
    private final Map<String, List<Long>> rssAtReady = new LinkedHashMap<>();
    private final Map<String, List<long[]>> classesAtReady = new LinkedHashMap<>();
    private final Map<String, Double> keptStarts = new LinkedHashMap<>();
    private final Map<String, Long> afterWarmup = new LinkedHashMap<>();
    private int catalogSize;

    FootprintPart(Report report, RssMonitor rss, List<String> javaOpts, int largestSize) {
        this.report = report;
        this.rss = rss;
        this.javaOpts = javaOpts;
        this.largestSize = largestSize;
    }

    /** The first start of a service, on an empty database it migrates: not in the median. */
    void firstStart(String name, double millis) {
        firstStarts.put(name, millis);
    }

    /** The timed starts (each alone), and the memory and loaded classes of each when it became ready. */
    void startups(String name, List<Double> millis, List<Long> rssBytes, List<long[]> classes) {
        startups.put(name, new ArrayList<>(millis));
        rssAtReady.put(name, new ArrayList<>(rssBytes));
        classesAtReady.put(name, new ArrayList<>(classes));
    }

    /** The start of the instance the other parts then use (the others running beside it; with --profile, recording). */
    void keptStart(String name, double millis) {
        keptStarts.put(name, millis);
    }

    void afterWarmup(String name, long bytes) {
        afterWarmup.put(name, bytes);
    }

    /** The synthetic catalog's size when the loads ran (issue 18's memory goal is at 100,000 entries). */
    void catalogSize(int entries) {
        catalogSize = entries;
    }

    /** The phases that count as "at the largest size, under load" for a process (prefixes of RssMonitor's phases). */
    private List<String> loads(String name) {
        String scale = "scale-" + largestSize;
        return switch (name) {
            case "bench public-web" -> List.of(scale, "reading", "propagation");
            case "bench curation-service" -> List.of("curation-load", "propagation");
            case "bench submission-service" -> List.of(scale, "reading-load", "curation-load", "intake");
            case "bench public-web-2", "bench curation-service-2" -> List.of("propagation-2");
            case "bench kafka" -> List.of(scale, "reading", "curation-load", "propagation", "intake");
            default -> List.of();
        };
    }

    /** A benchmark instance of one of the services (or a replica of one), not the broker or the empty application. */
    private static boolean isService(String name) {
        return name.startsWith("bench ") && BenchStack.SERVICES.stream().anyMatch(s -> name.substring(6).startsWith(s));
    }

    void write() {
        report.section("5. Footprint: start-up and memory");
        writeStartups();
        writeMemory();
    }

    private void writeStartups() {
        List<Double> empty = startups.getOrDefault(EMPTY_APP, List.of());
        double emptyMedian = Stats.median(empty);
        report.paragraph("Start-up: from spawning the JVM (`java " + String.join(" ", javaOpts)
                + " -XX:SharedArchiveFile=app-cds.jsa -jar quarkus-run.jar` in the application's quarkus-app directory, as "
                + "deploy/local/up.sh does; each application's own AppCDS archive, made by its Quarkus build) to the first 200 "
                + "of `/q/health/ready`, polled every 10 ms. Each service starts once on an empty database first (it migrates "
                + "it: 'first start', not in the median); then, round by round, every service and the empty Quarkus REST "
                + "application (`bench/empty-rest-app`: one JAX-RS resource, quarkus-rest and quarkus-smallrye-health, the "
                + "same Quarkus platform) start alone, each stopped before the next starts (the benchmark's broker and the "
                + "local stack idle beside them). Ratio = the service's median / the empty application's median, same run. "
                + "'Start to use' is the start of the instance the other parts used, with the other instances running. Classes "
                + "loaded at ready: the JVM's counters (`jcmd <pid> PerfCounter.print`, read after the start was timed), all "
                + "of them and, in brackets, those the AppCDS archive supplied.");
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>(startups.keySet());
        keptStarts.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        for (String name : names) {
            List<Double> s = startups.getOrDefault(name, List.of());
            double median = Stats.median(s);
            List<Long> ready = rssAtReady.getOrDefault(name, List.of());
            Double first = firstStarts.get(name);
            Double kept = keptStarts.get(name);
            List<long[]> classes = classesAtReady.getOrDefault(name, List.of()).stream().filter(c -> c[0] > 0).toList();
            String classCell = classes.isEmpty() ? "n/a" : String.format("%,d (%,d)",
                    (long) Stats.median(classes.stream().map(c -> c[0]).toList()),
                    (long) Stats.median(classes.stream().map(c -> c[1]).toList()));
            rows.add(List.of(name.equals(EMPTY_APP) ? "empty Quarkus REST app" : name, Stats.ms(median),
                    String.join(", ", s.stream().map(Stats::ms).toList()),
                    !isService(name) || empty.isEmpty() || s.isEmpty() ? "" : String.format("%.2fx", median / emptyMedian),
                    ready.isEmpty() ? "n/a" : Stats.mib((long) Stats.median(ready)), classCell,
                    first == null ? "" : Stats.ms(first), kept == null ? "" : Stats.ms(kept)));
            if (isService(name) && !s.isEmpty()) {
                String service = name.substring(6);
                report.goal("footprint", service + " ready < 2 s", Stats.ms(median) + " ms (median of " + s.size() + ")",
                        median < 2000, median < 2000 ? null : "limit 2000 ms");
                report.goal("footprint", service + " ready <= 1.5x the empty Quarkus REST app",
                        empty.isEmpty() ? "n/a" : String.format("%.2fx (%s / %s ms)", median / emptyMedian, Stats.ms(median),
                                Stats.ms(emptyMedian)),
                        empty.isEmpty() ? null : median <= 1.5 * emptyMedian,
                        empty.isEmpty() ? "the empty application did not start" : "medians of " + s.size() + " and " + empty.size());
            }
        }
        report.table(List.of("process", "ready ms (median)", "timed starts ms", "ratio to the empty app", "RSS at ready MiB",
                "classes loaded at ready (from the CDS archive)", "first start ms (migrates)", "start to use ms"), rows);
    }

    private void writeMemory() {
        report.paragraph(String.format("RSS: /proc (process and its children), sampled every 200 ms. 'Under load at the "
                + "largest size' is the peak while the synthetic catalog was at its largest size (%,d entries) and the named "
                + "parts loaded the process: the last scale step (ingest to that size, the searches, the rebuild), the "
                + "curation import of the same entries, the reading part's wrk runs, the propagation rounds, intake. "
                + "'Whole run' adds every other phase (start-up, the lineage and import parts).", catalogSize));
        List<List<String>> rows = new ArrayList<>();
        List<String> names = new ArrayList<>(afterWarmup.keySet());
        rss.watched().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        for (String name : names) {
            if (name.equals(EMPTY_APP)) {
                continue;
            }
            long peak = 0;
            List<String> loaded = new ArrayList<>();
            for (String phase : rss.phases()) {
                for (String prefix : loads(name)) {
                    if (phase.equals(prefix) || phase.startsWith(prefix + "-")) {
                        long p = rss.peak(name, phase);
                        if (p > 0) {
                            peak = Math.max(peak, p);
                            loaded.add(phase + " " + Stats.mib(p));
                        }
                        break;
                    }
                }
            }
            long whole = 0;
            for (String phase : rss.phases()) {
                whole = Math.max(whole, rss.peak(name, phase));
            }
            long warm = afterWarmup.getOrDefault(name, rss.peak(name, "idle"));
            rows.add(List.of(name, Stats.mib(warm), peak == 0 ? "n/a" : Stats.mib(peak), String.join(", ", loaded),
                    Stats.mib(whole)));
            if (isService(name)) {
                String service = name.substring(6);
                boolean atGoalSize = catalogSize >= 100_000;
                String note = (loaded.isEmpty() ? "no load phase at the largest size ran; after warm-up only"
                        : "peak under " + String.join(", ", loaded.stream().map(l -> l.substring(0, l.lastIndexOf(' '))).toList()))
                        + (atGoalSize ? "" : String.format("; measured at %,d entries, not 100,000", catalogSize));
                long figure = peak > 0 ? peak : warm;
                Boolean met = figure > 0 && atGoalSize && peak > 0 ? figure < LIMIT_BYTES : null;
                report.goal("footprint", service + " RSS < 300 MiB at 100,000 entries, under load", Stats.mib(figure) + " MiB",
                        met, note + (Boolean.FALSE.equals(met) ? "; limit 300 MiB" : ""),
                        service.endsWith("-2") ? PropagationPart.TWO_REPLICAS : Report.ONE_REPLICA);
            }
        }
        report.table(List.of("process", "RSS after warm-up MiB", "peak under load at the largest size MiB",
                "phases (peak MiB)", "peak over the whole run MiB"), rows);
    }
}
