package org.imagingcatalog.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.imagingcatalog.curation.linkhealth.CheckerSettings;
import org.imagingcatalog.curation.linkhealth.LinkChecker;
import org.imagingcatalog.curation.linkhealth.LinkResult;
import org.imagingcatalog.curation.linkhealth.LinkTarget;
import org.imagingcatalog.model.events.LinkStatus;

import com.sun.net.httpserver.HttpServer;

/**
 * Issue 16's link check goals, measured on curation-service's link checker core ({@code linkhealth.LinkChecker}) run
 * in this JVM as plain Java, the way curation's scheduled job runs it, without the service around it (no database,
 * no Kafka: those are per result and measured by the other parts). 10,000 entries spread over 200 hosts, each host a
 * web server this part starts on its own loopback address (127.0.1.1, 127.0.1.2, ...), counting the requests it has in
 * flight at once; the checker with the service's default politeness (2 requests per host at a time, each slot resting
 * 1 s, 32 in flight in all). Then the same 10,000 again with what the first run stored (ETag, Last-Modified): every
 * page unchanged, so every request should be conditional and answered 304.
 */
final class LinkCheckPart {

    private static final String AGENT = "ImagingDataCatalog-LinkCheck/1.0 (+http://localhost:8080/about)";

    private final Options options;
    private final Report report;

    LinkCheckPart(Options options, Report report) {
        this.options = options;
        this.report = report;
    }

    /** One host: its server and what it saw. */
    private static final class Host {
        final String address;
        final HttpServer server;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicLong pages = new AtomicLong();
        final AtomicLong notModified = new AtomicLong();
        final AtomicLong conditional = new AtomicLong();
        final AtomicLong robots = new AtomicLong();

        Host(String address, ExecutorService threads, int latencyMillis) throws IOException {
            this.address = address;
            server = HttpServer.create(new InetSocketAddress(address, 0), 200);
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    String path = exchange.getRequestURI().getPath();
                    if (path.equals("/robots.txt")) {
                        robots.incrementAndGet();
                        send(exchange, 200, "User-agent: *\nDisallow: /private/\n", null);
                        return;
                    }
                    String etag = "\"" + path.hashCode() + "-v1\"";
                    String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
                    if (asked != null) {
                        conditional.incrementAndGet();
                    }
                    if (etag.equals(asked)) {
                        notModified.incrementAndGet();
                        exchange.sendResponseHeaders(304, -1);
                        return;
                    }
                    pages.incrementAndGet();
                    if (latencyMillis > 0) {
                        Procs.sleep(latencyMillis);
                    }
                    send(exchange, 200, page(path), etag);
                } finally {
                    inFlight.decrementAndGet();
                    exchange.close();
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://" + address + ":" + server.getAddress().getPort() + path;
        }

        private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String body, String etag)
                throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body.startsWith("<") ? "text/html; charset=utf-8" : "text/plain");
            if (etag != null) {
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }

        /** A landing page of about 3 KB: navigation, the dataset's description, a footer. */
        private static String page(String path) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Dataset ").append(path)
                    .append("</title><style>body{font-family:sans-serif}</style></head><body><header><nav><a href=/>Home</a>"
                            + "<a href=/about>About</a></nav></header><main><h1>Dataset ").append(path).append("</h1>");
            for (int i = 0; i < 12; i++) {
                html.append("<p>Chest CT scans of patients with and without COVID-19, paragraph ").append(i)
                        .append(": acquisition, annotation, licence CC BY 4.0, 20 GB in DICOM.</p>");
            }
            return html.append("</main><footer>Generated at 12:00:00</footer></body></html>").toString();
        }
    }

    void run() {
        int hosts = options.quick() ? 20 : 200;
        int entries = options.quick() ? 1000 : 10_000;
        CheckerSettings settings = new CheckerSettings(AGENT, 2, Duration.ofSeconds(1), 32, Duration.ofSeconds(10),
                Duration.ofSeconds(30), 10, Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(24), 1_048_576, true);
        ExecutorService threads = Executors.newCachedThreadPool();
        List<Host> servers = new ArrayList<>();
        try {
            for (int i = 0; i < hosts; i++) {
                servers.add(new Host("127.0." + (1 + i / 250) + "." + (1 + i % 250), threads, 0));
            }
            List<LinkTarget> targets = new ArrayList<>();
            for (int e = 0; e < entries; e++) {
                targets.add(LinkTarget.fresh("entry-" + e, servers.get(e % hosts).url("/datasets/" + e), LinkTarget.ENTRY));
            }
            LinkChecker checker = new LinkChecker(settings, Clock.systemUTC());

            Map<String, LinkResult> first = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            checker.checkAll(targets, r -> first.put(r.target().resourceId(), r));
            double firstSeconds = (System.nanoTime() - started) / 1e9;
            long ok = first.values().stream().filter(r -> r.status() == LinkStatus.OK).count();
            int maxPerHost = servers.stream().mapToInt(h -> h.maxInFlight.get()).max().orElse(0);
            long robotsFirst = servers.stream().mapToLong(h -> h.robots.get()).sum();
            long pagesFirst = servers.stream().mapToLong(h -> h.pages.get()).sum();
            servers.forEach(h -> {
                h.maxInFlight.set(0);
                h.pages.set(0);
            });

            List<LinkTarget> again = targets.stream().map(t -> {
                LinkResult r = first.get(t.resourceId());
                return new LinkTarget(t.resourceId(), t.url(), t.kind(), r.etag(), r.lastModified(), r.finalUrl());
            }).toList();
            Map<String, LinkResult> second = new ConcurrentHashMap<>();
            started = System.nanoTime();
            checker.checkAll(again, r -> second.put(r.target().resourceId(), r));
            double secondSeconds = (System.nanoTime() - started) / 1e9;
            long notModified = servers.stream().mapToLong(h -> h.notModified.get()).sum();
            long conditional = servers.stream().mapToLong(h -> h.conditional.get()).sum();
            long pagesSecond = servers.stream().mapToLong(h -> h.pages.get()).sum();
            long robotsSecond = servers.stream().mapToLong(h -> h.robots.get()).sum() - robotsFirst;
            long okAgain = second.values().stream().filter(r -> r.status() == LinkStatus.OK
                    && r.outcome() == LinkResult.Outcome.NOT_MODIFIED).count();
            int maxPerHostAgain = servers.stream().mapToInt(h -> h.maxInFlight.get()).max().orElse(0);

            // one busy host whose pages take 50 ms each: the checker always has more for it than it may send at once
            Host busy = new Host("127.0.3.1", threads, 50);
            servers.add(busy);
            List<LinkTarget> busyTargets = new ArrayList<>();
            for (int e = 0; e < 100; e++) {
                busyTargets.add(LinkTarget.fresh("busy-" + e, busy.url("/datasets/" + e), LinkTarget.ENTRY));
            }
            CheckerSettings noRest = new CheckerSettings(AGENT, 2, Duration.ZERO, 32, Duration.ofSeconds(10),
                    Duration.ofSeconds(30), 10, Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofHours(24), 1_048_576, true);
            AtomicLong busyOk = new AtomicLong();
            started = System.nanoTime();
            new LinkChecker(noRest, Clock.systemUTC()).checkAll(busyTargets, r -> {
                if (r.status() == LinkStatus.OK) {
                    busyOk.incrementAndGet();
                }
            });
            double busySeconds = (System.nanoTime() - started) / 1e9;

            report.section("Link check (issue 16)");
            report.paragraph("curation-service's link checker core (`linkhealth.LinkChecker`, plain Java in the benchmark's JVM, "
                    + "not the running service: no database or Kafka per result) against " + hosts + " web servers this part "
                    + "starts on loopback addresses 127.0.1.1... (JDK `HttpServer`, one per address, a 3 KB landing page per "
                    + "entry with an ETag, robots.txt answered). " + String.format("%,d", entries) + " entries, spread evenly. "
                    + "The checker's settings are the service's defaults: 2 requests per host at a time, each slot resting 1 s "
                    + "after its answer (so a host with 50 entries needs at least 25 s), 32 requests in flight in all, "
                    + "loopback only. Each server counts the requests it has in flight at once.");
            report.table(List.of("run", "entries", "time", "OK", "pages sent (200)", "304", "robots.txt requests",
                    "most requests at once on one host"), List.of(
                    List.of("first check", String.format("%,d", entries), String.format("%.1f s", firstSeconds),
                            String.format("%,d", ok), String.format("%,d", pagesFirst), "0", Long.toString(robotsFirst),
                            Integer.toString(maxPerHost)),
                    List.of("re-check, pages unchanged", String.format("%,d", entries), String.format("%.1f s", secondSeconds),
                            String.format("%,d", okAgain), String.format("%,d", pagesSecond), String.format("%,d", notModified),
                            Long.toString(robotsSecond), Integer.toString(maxPerHostAgain))));
            report.paragraph(String.format("Re-check: %,d of %,d requests were conditional (If-None-Match), %,d answered 304; "
                    + "robots.txt was kept from the first run.", conditional, entries, notModified));
            report.paragraph(String.format("The pages answer at once, so with 32 requests in flight over %d hosts a host "
                    + "rarely has two at a time. To see the per-host limit hold under pressure: one more host whose pages take "
                    + "50 ms each, 100 entries on it, checked with no rest between requests (per-host delay 0, the only "
                    + "setting changed): %d OK in %.1f s, at most **%d** of its requests in flight at once (limit 2).",
                    hosts, busyOk.get(), busySeconds, busy.maxInFlight.get()));
            report.goal("linkcheck", String.format("%,d entries over %d hosts checked < 60 s", entries, hosts),
                    String.format("%.1f s", firstSeconds), firstSeconds < 60 && ok == entries, ok + " OK");
            int most = Math.max(Math.max(maxPerHost, maxPerHostAgain), busy.maxInFlight.get());
            report.goal("linkcheck", "no host ever sees more than the configured concurrency (2)",
                    "max " + most + " at once", most <= 2, "busy host (50 ms pages): " + busy.maxInFlight.get());
            report.goal("linkcheck", "a re-check of unchanged pages costs conditional requests only",
                    String.format("%,d × 304, %,d × 200", notModified, pagesSecond), notModified == entries && pagesSecond == 0,
                    String.format("%.1f s", secondSeconds));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the link check's servers: " + e, e);
        } finally {
            servers.forEach(h -> h.server.stop(0));
            threads.shutdownNow();
        }
    }
}
