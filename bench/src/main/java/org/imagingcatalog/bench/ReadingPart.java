package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part 1: public-web's main reads under wrk, each next to nginx serving the same bytes from disk,
 * alternating in the same run so both see the same machine load.
 */
final class ReadingPart {

    private static final int THREADS = 2;
    private static final int CONNECTIONS = 32;

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

    void run(String base, String targetName, String rssName) {
        report.section("1. Reading the catalog: public-web next to nginx");
        long total = Http.total(http.get(base + "/api/v1/resources?size=1"));
        String id = firstId(base);
        report.paragraph("Target: " + targetName + " (`" + base + "`), catalog of " + total + " entries. wrk " + THREADS
                + " threads, " + CONNECTIONS + " connections, " + options.wrkSeconds() + " s per run, " + options.runs()
                + " rounds; each round runs public-web then nginx on every URL. nginx (" + "worker_processes auto"
                + ") serves a copy of the bytes public-web answered, saved once, with the same Content-Type. "
                + "Figures are medians over the rounds; the ratio is the median of the per-round ratios.");
        List<String> paths = List.of("/", "/resources/" + id, "/api/v1/resources?ct=Y", "/export/catalog.csv");
        Map<String, String> kinds = Map.of("/", "page", "/api/v1/resources?ct=Y", "api");
        Map<String, NginxMirror.Copy> served = new LinkedHashMap<>();
        NginxMirror nginx = new NginxMirror(options.work().resolve("nginx"));
        for (String path : paths) {
            Http.Reply reply = http.get(base + path);
            if (reply.status() != 200) {
                report.problem("reading: " + base + path + " answered " + reply.status() + "; left out");
                continue;
            }
            String type = reply.header("Content-Type");
            nginx.add(path, type == null ? "application/octet-stream" : type, reply.body());
            served.put(path, new NginxMirror.Copy(path, path, type, reply.body()));
        }
        if (served.isEmpty()) {
            report.paragraph("Nothing measured: no URL answered 200.");
            return;
        }
        Map<String, List<Wrk.Result>> service = new LinkedHashMap<>();
        Map<String, List<Wrk.Result>> mirror = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        try (NginxMirror started = nginx.start()) {
            rss.watch("nginx (reading)", started.pid());
            rss.phase("reading-warmup");
            for (String path : served.keySet()) {
                Wrk.run(base + path, THREADS, CONNECTIONS, options.quick() ? 1 : 5);
            }
            rss.phase("reading");
            for (int round = 0; round < options.runs(); round++) {
                for (String path : served.keySet()) {
                    Wrk.Result s = Wrk.run(base + path, THREADS, CONNECTIONS, options.wrkSeconds());
                    Wrk.Result n = Wrk.run(started.url(path), THREADS, CONNECTIONS, options.wrkSeconds());
                    service.computeIfAbsent(path, k -> new ArrayList<>()).add(s);
                    mirror.computeIfAbsent(path, k -> new ArrayList<>()).add(n);
                    ratios.computeIfAbsent(path, k -> new ArrayList<>()).add(s.requestsPerSecond() / n.requestsPerSecond());
                    System.err.printf("bench: reading %s round %d: %.0f req/s vs nginx %.0f%n", path, round + 1,
                            s.requestsPerSecond(), n.requestsPerSecond());
                }
            }
            rss.phase("idle");
            rss.unwatch("nginx (reading)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (String path : served.keySet()) {
            List<Wrk.Result> s = service.get(path);
            List<Wrk.Result> n = mirror.get(path);
            double ratio = Stats.median(ratios.get(path));
            double p99 = Stats.median(s.stream().map(Wrk.Result::p99Millis).toList());
            long errors = s.stream().mapToLong(r -> r.non2xx() + r.socketErrors()).sum();
            rows.add(List.of("`" + path + "`", Integer.toString(served.get(path).body().length),
                    Stats.num(Stats.median(s.stream().map(Wrk.Result::requestsPerSecond).toList())),
                    Stats.ms(Stats.median(s.stream().map(Wrk.Result::p50Millis).toList())), Stats.ms(p99),
                    Stats.num(Stats.median(n.stream().map(Wrk.Result::requestsPerSecond).toList())),
                    Stats.ms(Stats.median(n.stream().map(Wrk.Result::p50Millis).toList())),
                    Stats.ms(Stats.median(n.stream().map(Wrk.Result::p99Millis).toList())),
                    String.format("%.2f", ratio), Long.toString(errors)));
            String kind = kinds.get(path);
            if (kind != null) {
                report.goal("reading", "`" + path + "` >= 0.5 of nginx", String.format("%.2f", ratio), ratio >= 0.5,
                        total + " entries");
                report.goal("reading", "`" + path + "` p99 < 10 ms", Stats.ms(p99) + " ms", p99 < 10, null);
            }
        }
        report.table(List.of("URL", "bytes", "public-web req/s", "p50 ms", "p99 ms", "nginx req/s", "nginx p50 ms",
                "nginx p99 ms", "ratio", "errors"), rows);
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
