package org.imagingcatalog.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 1: public-web's main reads under wrk, each next to nginx serving the same bytes from disk, alternating in the
 * same run so both see the same machine load. Measured on the benchmark's public-web holding the run's synthetic
 * catalog at its largest size (issue 18: 100,000 entries, not the seed's 13): after the scale part, or loaded here
 * first when the scale part did not run.
 */
final class ReadingPart {

    private static final int THREADS = 2;
    private static final int CONNECTIONS = 32;
    /** The whole catalog's export is tens of MiB: asked by one client at a time, on both sides. */
    private static final int FULL_EXPORT_CONNECTIONS = 1;

    private record Target(String label, String path, int threads, int connections) {
    }

    private final Options options;
    private final Http http;
    private final Report report;
    private final RssMonitor rss;

    ReadingPart(Options options, Http http, Report report, RssMonitor rss) {
        this.options = options;
        this.http = http;
        this.report = report;
        this.rss = rss;
    }

    void run(BenchStack stack, ServiceInstance web, SyntheticCatalog catalog, String rssName) {
        report.section("1. Reading the catalog: public-web next to nginx");
        String base = web.url();
        String loadedHere = "";
        if (catalog.size() < options.largestSize()) {
            rss.phase("reading-load");
            try (EntryPublisher publisher = new EntryPublisher(stack.broker().bootstrap())) {
                double seconds = catalog.growTo(publisher, base, options.largestSize(), 900_000);
                if (Double.isNaN(seconds)) {
                    report.problem("reading: public-web did not count the " + options.largestSize() + " synthetic entries within 15 min");
                }
                loadedHere = String.format(" (loaded by this part: the scale part did not run; %.1f s)", seconds);
            }
            rss.phase("idle");
        }
        long total = Http.total(http.get(base + "/api/v1/resources?size=1"));
        String rare = catalog.rareWord();
        String rareCount = rare == null ? "" : " (" + catalog.generator().entriesWith(rare) + " entries have it)";
        List<Target> targets = new ArrayList<>(List.of(
                new Target("page", "/", THREADS, CONNECTIONS),
                new Target("resource page", "/resources/" + (catalog.size() > 0 ? catalog.middleId() : firstId(base)), THREADS,
                        CONNECTIONS),
                new Target("API", "/api/v1/resources?ct=Y", THREADS, CONNECTIONS)));
        if (rare != null) {
            targets.add(new Target("export, filtered" + rareCount, "/export/catalog.csv?q="
                    + URLEncoder.encode(rare, StandardCharsets.UTF_8), THREADS, CONNECTIONS));
        }
        targets.add(new Target("export, whole catalog", "/export/catalog.csv", 1, FULL_EXPORT_CONNECTIONS));
        report.paragraph(String.format("Target: the benchmark's public-web (`%s`), catalog of %,d entries (%,d synthetic%s). "
                + "wrk %d threads, %d connections (the whole catalog's export: 1 thread, %d connection), %d s per run, "
                + "--timeout 30s, %d rounds; each round runs public-web then nginx on every URL. nginx (worker_processes auto) "
                + "serves a copy of the bytes public-web answered, saved once, with the same Content-Type. Figures are medians "
                + "over the rounds; the ratio is the median of the per-round ratios.", base, total, catalog.size(), loadedHere,
                THREADS, CONNECTIONS, FULL_EXPORT_CONNECTIONS, options.wrkSeconds(), options.runs()));
        Map<Target, NginxMirror.Copy> served = new LinkedHashMap<>();
        Map<Target, String> mirrorPaths = new LinkedHashMap<>();
        NginxMirror nginx = new NginxMirror(options.work().resolve("nginx"));
        for (Target target : targets) {
            Http.Reply reply = http.get(base + target.path());
            if (reply.status() != 200) {
                report.problem("reading: " + base + target.path() + " answered " + reply.status() + "; left out");
                continue;
            }
            String type = reply.header("Content-Type");
            mirrorPaths.put(target, nginx.add(target.path(), type == null ? "application/octet-stream" : type, reply.body()));
            served.put(target, new NginxMirror.Copy(target.path(), target.path(), type, reply.body()));
        }
        if (served.isEmpty()) {
            report.paragraph("Nothing measured: no URL answered 200.");
            return;
        }
        Map<Target, List<Wrk.Result>> service = new LinkedHashMap<>();
        Map<Target, List<Wrk.Result>> mirror = new LinkedHashMap<>();
        Map<Target, List<Double>> ratios = new LinkedHashMap<>();
        try (NginxMirror started = nginx.start()) {
            rss.watch("nginx (reading)", started.pid());
            rss.phase("reading-warmup");
            for (Target t : served.keySet()) {
                Wrk.run(base + t.path(), t.threads(), t.connections(), options.quick() ? 1 : 5);
            }
            rss.phase("reading");
            for (int round = 0; round < options.runs(); round++) {
                for (Target t : served.keySet()) {
                    Wrk.Result s = Wrk.run(base + t.path(), t.threads(), t.connections(), options.wrkSeconds());
                    Wrk.Result n = Wrk.run(started.url(mirrorPaths.get(t)), t.threads(), t.connections(), options.wrkSeconds());
                    service.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
                    mirror.computeIfAbsent(t, k -> new ArrayList<>()).add(n);
                    ratios.computeIfAbsent(t, k -> new ArrayList<>()).add(s.requestsPerSecond() / n.requestsPerSecond());
                    System.err.printf("bench: reading %s round %d: %.0f req/s vs nginx %.0f%n", t.path(), round + 1,
                            s.requestsPerSecond(), n.requestsPerSecond());
                }
            }
            rss.phase("idle");
            rss.unwatch("nginx (reading)");
        }
        boolean atGoalSize = catalog.size() >= 100_000;
        String sizeNote = atGoalSize ? String.format("%,d entries", total)
                : String.format("measured at %,d entries, not 100,000", total);
        List<List<String>> rows = new ArrayList<>();
        for (Target t : served.keySet()) {
            List<Wrk.Result> s = service.get(t);
            List<Wrk.Result> n = mirror.get(t);
            double ratio = Stats.median(ratios.get(t));
            double p99 = Stats.median(s.stream().map(Wrk.Result::p99Millis).toList());
            double nginxP99 = Stats.median(n.stream().map(Wrk.Result::p99Millis).toList());
            long errors = s.stream().mapToLong(r -> r.non2xx() + r.socketErrors()).sum();
            rows.add(List.of(t.label(), "`" + t.path() + "`", Integer.toString(served.get(t).body().length),
                    Integer.toString(t.connections()),
                    Stats.num(Stats.median(s.stream().map(Wrk.Result::requestsPerSecond).toList())),
                    Stats.ms(Stats.median(s.stream().map(Wrk.Result::p50Millis).toList())), Stats.ms(p99),
                    Stats.num(Stats.median(n.stream().map(Wrk.Result::requestsPerSecond).toList())),
                    Stats.ms(Stats.median(n.stream().map(Wrk.Result::p50Millis).toList())), Stats.ms(nginxP99),
                    String.format("%.2f", ratio), String.format("%.1f", p99 / nginxP99), Long.toString(errors)));
            String what = t.label().replaceAll(" \\(.*\\)$", "") + " `" + t.path() + "`";
            report.goal("reading", what + ": >= 0.9x nginx's requests/s at 100,000 entries", String.format("%.2f", ratio),
                    atGoalSize ? ratio >= 0.9 : null, sizeNote + (errors > 0 ? "; " + errors + " errors" : ""));
            report.goal("reading", what + ": p99 <= 2x nginx's p99", Stats.ms(p99) + " ms vs nginx " + Stats.ms(nginxP99)
                    + " ms (" + String.format("%.1fx", p99 / nginxP99) + ")", atGoalSize ? p99 <= 2 * nginxP99 : null, sizeNote);
        }
        report.table(List.of("what", "URL", "bytes", "connections", "public-web req/s", "p50 ms", "p99 ms", "nginx req/s",
                "nginx p50 ms", "nginx p99 ms", "ratio", "p99 / nginx p99", "errors"), rows);
        if (rssName != null) {
            report.paragraph("public-web RSS: " + Stats.mib(rss.peak(rssName, "reading-warmup")) + " MiB peak during warm-up, "
                    + Stats.mib(rss.peak(rssName, "reading")) + " MiB peak under wrk.");
        }
    }

    private String firstId(String base) {
        Http.Reply reply = http.get(base + "/api/v1/resources?size=1");
        if (reply.status() == 200) {
            var items = Http.items(reply.json());
            if (items.size() > 0 && items.get(0).hasNonNull("id")) {
                return items.get(0).get("id").asText();
            }
        }
        return org.imagingcatalog.model.seed.SeedCatalog.load().get(0).resource().id();
    }
}
