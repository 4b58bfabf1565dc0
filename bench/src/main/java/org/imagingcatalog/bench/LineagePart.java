package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Part 6: the lineage of issue 15. The overlap check in-process over generated catalogs up to 100,000 entries
 * ({@link LineageOverlap}); then, against the benchmark's public-web, the page of an entry with 1,000 entries
 * derived from it ({@link LineageShapes}), asked with {@code Cache-Control: no-cache} so it is rendered afresh,
 * next to its lineage API, the page of one derived entry, a chain 1,000 deep and an entry without lineage.
 */
final class LineagePart {

    /** The size the goal names; measured whatever --sizes says. */
    static final int GOAL_SIZE = 100_000;
    static final int QUERIES = 1_000;
    static final int DESCENDANTS = 1_000;

    private static final String STAR_PAGE = "root page, 1,000 derived from it";
    private static final String CHAIN_PAGE = "root page, a chain 1,000 deep";

    private final Options options;
    private final Http http;
    private final Report report;
    private final RssMonitor rss;

    LineagePart(Options options, Http http, Report report, RssMonitor rss) {
        this.options = options;
        this.http = http;
        this.report = report;
        this.rss = rss;
    }

    void run(BenchStack stack, ServiceInstance web) {
        report.section("6. Lineage: the overlap check and the page of an entry with 1,000 descendants");
        rss.phase("lineage");
        try {
            overlap();
            pages(stack, web.url());
        } finally {
            rss.phase("idle");
        }
    }

    private void overlap() {
        report.subsection("Overlap check, in-process (catalog-model's Lineage)");
        TreeSet<Integer> sizes = new TreeSet<>(options.sizes());
        sizes.add(GOAL_SIZE);
        List<LineageOverlap.Result> results = new ArrayList<>();
        for (int size : sizes) {
            LineageOverlap.Result result = LineageOverlap.measure(size, QUERIES);
            System.err.printf("bench: lineage overlap at %,d entries: p95 %.3f ms%n", size, result.worstP95());
            results.add(result);
        }
        report.paragraph("A generated catalog (about a third of the entries built from one to three sources: earlier "
                + "entries named by id, by another spelling of their address or by DOI, often derived themselves so chains "
                + "run deep, or one of 2,000 outside sources; some IsIdenticalTo and IsSourceOf; 200 pairs built from each "
                + "other), the graph built once with `Lineage.of`, then " + String.format("%,d", QUERIES) + " overlap "
                + "questions of 2 to 5 ids timed one by one after 2,000 untimed ones, drawn from every entry and from the "
                + "derived entries alone. In the benchmark's JVM, no HTTP: public-web builds the same graph once per "
                + "catalog version and answers `/api/v1/overlap` from it.");
        List<List<String>> rows = new ArrayList<>();
        for (LineageOverlap.Result r : results) {
            r.pools().forEach((pool, t) -> rows.add(List.of(String.format("%,d", r.entries()), String.format("%,d", r.derived()),
                    String.format("%,d", r.relations()), Stats.ms(r.buildMillis()), pool, Stats.ms(t.p50()), Stats.ms(t.p95()),
                    Stats.ms(t.p99()), Stats.ms(t.max()), t.overlapping() + " of " + t.queries(),
                    String.format("%.0f / %.0f", t.ancestorsP50(), t.ancestorsMax()))));
        }
        report.table(List.of("entries", "derived", "relations", "graph build ms", "ids drawn from", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "found an overlap", "ancestors of a queried entry p50 / max"), rows);
        LineageOverlap.Result goal = results.stream().filter(r -> r.entries() == GOAL_SIZE).findFirst().orElseThrow();
        report.goal("lineage", "overlap check p95 < 20 ms at 100,000 entries", Stats.ms(goal.worstP95())
                + " ms p95 (worse of the two pools)", goal.worstP95() < 20, "in-process, " + QUERIES + " queries");
    }

    private void pages(BenchStack stack, String base) {
        report.subsection("The page of an entry with " + String.format("%,d", DESCENDANTS) + " descendants (public-web)");
        LineageShapes shapes = new LineageShapes(DESCENDANTS);
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put(STAR_PAGE, base + "/resources/" + LineageShapes.STAR + Sampler.FRESH);
        urls.put("root lineage API", base + "/api/v1/resources/" + LineageShapes.STAR + "/lineage" + Sampler.FRESH);
        urls.put("page of one derived entry", base + "/resources/" + LineageShapes.starChild(DESCENDANTS / 2) + Sampler.FRESH);
        urls.put(CHAIN_PAGE, base + "/resources/" + LineageShapes.CHAIN + Sampler.FRESH);
        urls.put("chain root lineage API", base + "/api/v1/resources/" + LineageShapes.CHAIN + "/lineage" + Sampler.FRESH);
        urls.put("page of an entry without lineage", base + "/resources/" + LineageShapes.PLAIN + Sampler.FRESH);
        try (EntryPublisher publisher = new EntryPublisher(stack.broker().bootstrap())) {
            shapes.publish(publisher);
            if (!shapes.waitServed(http, base, 300_000)) {
                report.problem("lineage: public-web did not serve the " + DESCENDANTS + " descendants within 5 min");
                report.goal("lineage", "page of an entry with 1,000 descendants < 50 ms", "n/a", null, "not served");
                return;
            }
            long catalogSize = Http.total(http.get(base + "/api/v1/resources?size=1", "Cache-Control", "no-cache"));
            int samples = options.quick() ? 20 : 200;
            Map<String, Sampler.Latency> latency = new Sampler(http).sample(urls, options.quick() ? 5 : 20, samples, 1);
            List<Double> afterChange = afterChange(shapes, publisher, base, urls.get(STAR_PAGE));
            report.paragraph("Published straight to `catalog.entries.v1` of the benchmark's broker: `" + LineageShapes.STAR
                    + "` with " + DESCENDANTS + " entries each `{\"type\":\"IsDerivedFrom\",\"target\":\"" + LineageShapes.STAR
                    + "\"}` (the drawing shows a few boxes and \"and N more\", the lists beside it name them all), `"
                    + LineageShapes.CHAIN + "` with a chain " + DESCENDANTS + " deep (each derived from the one before: "
                    + "the list names all " + DESCENDANTS + ", the drawing shows six levels and counts the rest), and `"
                    + LineageShapes.PLAIN + "` with no lineage; "
                    + "names and fields like the scale part's. The catalog then listed " + String.format("%,d", catalogSize)
                    + " entries. " + samples + " sequential requests per address after a warm-up, round-robin, each asked with "
                    + "`Cache-Control: no-cache`, so public-web renders it afresh (the lineage graph is still the one "
                    + "built for the current catalog version); client-side latency, keep-alive.");
            List<List<String>> rows = new ArrayList<>();
            latency.forEach((name, l) -> rows.add(List.of(name, Stats.ms(l.p50()), Stats.ms(l.p95()), Stats.ms(l.p99()),
                    Integer.toString(l.samples()), Integer.toString(l.failures()), kib(urls.get(name)))));
            rows.add(List.of(STAR_PAGE + ", first after a catalog change (graph built again)", Stats.ms(Stats.percentile(afterChange, 50)),
                    Stats.ms(Stats.percentile(afterChange, 95)), Stats.ms(Stats.percentile(afterChange, 99)),
                    Integer.toString(afterChange.size()), "", ""));
            report.table(List.of("request", "p50 ms", "p95 ms", "p99 ms", "samples", "failed", "size KiB"), rows);
            goal(latency.get(STAR_PAGE), "page of an entry with 1,000 descendants < 50 ms", "1,000 derived from it directly");
            goal(latency.get(CHAIN_PAGE), "page of an entry with 1,000 descendants < 50 ms, as a chain",
                    "a chain 1,000 deep, all listed on the page");
        }
    }

    /**
     * The root page's first render after each of a few catalog changes: public-web builds its lineage graph of the
     * whole catalog again then, once per catalog version, so this is what the first reader after a change waits.
     */
    private List<Double> afterChange(LineageShapes shapes, EntryPublisher publisher, String base, String page) {
        List<Double> millis = new ArrayList<>();
        String url = page.substring(0, page.length() - Sampler.FRESH.length());
        for (int version = 2; version <= (options.quick() ? 3 : 11); version++) {
            if (!shapes.touch(publisher, http, base, version, 60_000)) {
                report.problem("lineage: public-web did not serve version " + version + " of " + LineageShapes.PLAIN);
                break;
            }
            Http.Reply reply = http.get(url, "Cache-Control", "no-cache");
            if (reply.status() == 200) {
                millis.add(reply.millis());
            }
        }
        return millis;
    }

    private void goal(Sampler.Latency page, String goal, String note) {
        report.goal("lineage", goal, Stats.ms(page.p95()) + " ms p95", page.samples() > 0 ? page.p95() < 50 : null,
                note + (page.failures() > 0 ? "; " + page.failures() + " failed" : ""));
    }

    /** The size of the answer, asked once more (fresh). */
    private String kib(String url) {
        Http.Reply reply = http.get(url.substring(0, url.length() - Sampler.FRESH.length()), "Cache-Control", "no-cache");
        return reply.status() == 200 ? String.format("%.1f", reply.body().length / 1024.0) : "n/a";
    }
}
