package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Part 3: curator edits through curation-service's API, and how long until public-web serves each new
 * version (polled every 2 ms from the moment the edit's response arrived). Also part 2's history depth
 * on the curation side: 1,000 versions of one resource made through the API, then a diff between far
 * versions.
 */
final class PropagationPart {

    private final Options options;
    private final Http http;
    private final Report report;
    private final RssMonitor rss;

    PropagationPart(Options options, Http http, Report report, RssMonitor rss) {
        this.options = options;
        this.http = http;
        this.report = report;
        this.rss = rss;
    }

    void run(ServiceInstance curation, ServiceInstance web, Tokens tokens) {
        report.section("3. Propagation: curator edit to public-web");
        JsonNode list = http.get(curation.url() + "/api/v1/resources", "Authorization", tokens.bearer()).json();
        List<String> ids = new ArrayList<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (JsonNode r : Http.items(list)) {
            if ("ACTIVE".equals(r.path("status").asText())) {
                String id = r.get("id").asText();
                ids.add(id);
                JsonNode current = http.get(curation.url() + "/api/v1/resources/" + id, "Authorization", tokens.bearer()).json();
                versions.put(id, current.path("version").asInt());
                descriptions.put(id, current.path("snapshot").path("description").asText(""));
            }
        }
        if (ids.isEmpty()) {
            report.problem("propagation: curation-service lists no active resource (seed not imported?); nothing measured");
            return;
        }
        for (String id : ids) {
            waitVersion(web, id, versions.get(id), 120_000);
        }
        int changes = options.quick() ? 30 : 1000;
        List<Double> lags = new ArrayList<>();
        List<Double> puts = new ArrayList<>();
        int lost = 0;
        int failed = 0;
        rss.phase("propagation");
        for (int i = 0; i < changes; i++) {
            String id = ids.get(i % ids.size());
            Edit edit = edit(curation, tokens, id, versions.get(id), descriptions.get(id), "propagation " + i);
            if (edit == null) {
                failed++;
                continue;
            }
            puts.add(edit.millis());
            versions.put(id, edit.version());
            long seen = waitVersion(web, id, edit.version(), 10_000);
            if (seen < 0) {
                lost++;
            } else {
                lags.add((seen - edit.answeredAt()) / 1e6);
            }
        }
        rss.phase("idle");
        report.paragraph(changes + " direct edits (`PUT /api/v1/resources/{id}` with `If-Match`, a curator token from Keycloak) "
                + "round-robin over " + ids.size() + " seed resources, one at a time; after each response public-web's "
                + "`GET /api/v1/resources/{id}` is polled every 2 ms until it shows the new version. "
                + "Benchmark instances of both services on the benchmark's broker.");
        report.table(List.of("measure", "p50 ms", "p95 ms", "p99 ms", "max ms", "n"), List.of(
                List.of("edit to served by public-web", Stats.ms(Stats.percentile(lags, 50)), Stats.ms(Stats.percentile(lags, 95)),
                        Stats.ms(Stats.percentile(lags, 99)), Stats.ms(Stats.max(lags)), Integer.toString(lags.size())),
                List.of("PUT response time (curation)", Stats.ms(Stats.percentile(puts, 50)), Stats.ms(Stats.percentile(puts, 95)),
                        Stats.ms(Stats.percentile(puts, 99)), Stats.ms(Stats.max(puts)), Integer.toString(puts.size()))));
        if (lost + failed > 0) {
            report.problem("propagation: " + failed + " edits failed, " + lost + " not served within 10 s");
        }
        double p50 = Stats.percentile(lags, 50);
        double p99 = Stats.percentile(lags, 99);
        report.goal("propagation", "p50 < 100 ms", Stats.ms(p50) + " ms", lags.isEmpty() ? null : p50 < 100, changes + " edits");
        report.goal("propagation", "p99 < 500 ms", Stats.ms(p99) + " ms", lags.isEmpty() ? null : p99 < 500,
                lost + failed > 0 ? lost + " not served, " + failed + " failed" : null);
        report.paragraph("Approvals of submissions (POST submission, wait for the queue item, POST decision ACCEPT) are not "
                + "measured separately: an approval ends in the same outbox write and relay as a direct edit.");
        historyDepth(curation, web, tokens, ids.get(ids.size() - 1), versions, descriptions);
    }

    private record Edit(int version, long answeredAt, double millis) {
    }

    private Edit edit(ServiceInstance curation, Tokens tokens, String id, int version, String description, String note) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.put("description", (note + ": " + description).substring(0, Math.min(4900, note.length() + 2 + description.length())));
        body.put("reason", "benchmark " + note);
        Http.Reply reply = http.send("PUT", curation.url() + "/api/v1/resources/" + id, body.toString(),
                "Authorization", tokens.bearer(), "Content-Type", "application/json", "If-Match", "\"" + version + "\"");
        long answeredAt = System.nanoTime();
        if (reply.status() / 100 != 2) {
            System.err.println("bench: PUT " + id + " answered " + reply.status() + ": " + reply.text());
            return null;
        }
        return new Edit(reply.json().path("version").asInt(), answeredAt, reply.millis());
    }

    /** Polls public-web every 2 ms; answers System.nanoTime() when it serves the version, -1 on timeout. */
    private long waitVersion(ServiceInstance web, String id, int version, long timeoutMillis) {
        String url = web.url() + "/api/v1/resources/" + id;
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Http.Reply reply = http.get(url);
            if (reply.status() == 200 && reply.json().path("version").asInt() >= version) {
                return System.nanoTime();
            }
            Procs.sleep(2);
        }
        return -1;
    }

    private void historyDepth(ServiceInstance curation, ServiceInstance web, Tokens tokens, String id, Map<String, Integer> versions,
            Map<String, String> descriptions) {
        int target = options.quick() ? 100 : 1000;
        report.subsection("History depth: one resource with " + target + "+ versions (curation-service)");
        int version = versions.get(id);
        while (version < target) {
            Edit edit = edit(curation, tokens, id, version, descriptions.get(id), "history " + version);
            if (edit == null) {
                report.problem("history depth: an edit of " + id + " failed at version " + version);
                return;
            }
            version = edit.version();
        }
        String auth = tokens.bearer();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("diff ?from=1&to=" + version, curation.url() + "/api/v1/resources/" + id + "/diff?from=1&to=" + version);
        urls.put("diff ?from=2&to=" + (version - 1), curation.url() + "/api/v1/resources/" + id + "/diff?from=2&to=" + (version - 1));
        urls.put("versions list", curation.url() + "/api/v1/resources/" + id + "/versions");
        urls.put("public-web page /resources/{id} (uncached)", web.url() + "/resources/" + id + Sampler.FRESH);
        Map<String, Sampler.Latency> result = new Sampler(http).sample(urls, 3, options.quick() ? 10 : 50, 1,
                "Authorization", auth);
        List<List<String>> rows = new ArrayList<>();
        result.forEach((k, l) -> rows.add(List.of(k, Stats.ms(l.p50()), Stats.ms(l.p95()), Integer.toString(l.samples()),
                Integer.toString(l.failures()))));
        report.paragraph("`" + id + "` at version " + version + ", made through `PUT /api/v1/resources/{id}`.");
        report.table(List.of("request", "p50 ms", "p95 ms", "samples", "failed"), rows);
        Sampler.Latency diff = result.get("diff ?from=1&to=" + version);
        report.goal("scale", "diff between two far versions (curation) < 50 ms", Stats.ms(diff.p95()) + " ms p95",
                diff.samples() > 0 ? diff.p95() < 50 : null, diff.failures() > 0 ? diff.failures() + " failed" : null);
    }
}
