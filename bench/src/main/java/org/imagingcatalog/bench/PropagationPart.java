package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Part 3: curator edits through curation-service's API, and how long until public-web serves each new version (polled
 * every 2 ms from the moment the edit's response arrived): one round with one instance of each service, one with two
 * replicas of public-web and of curation-service (issue 18, part 3: until every replica serves it). Also part 2's
 * history depth on the curation side: 1,000 versions of one resource made through the API, then a diff between far
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

    /** The topology of the second round: the production overlay's two replicas, sharing databases and broker. */
    /** The edits go round-robin over this many resources (the first active ones of curation's list). */
    private static final int EDITED_RESOURCES = 50;

    static final String TWO_REPLICAS = "2 public-web replicas + 2 curation-service replicas (shared databases and broker)";

    void run(BenchStack stack, ServiceInstance curation, ServiceInstance web, Tokens tokens, long catalogEntries) {
        report.section("3. Propagation: curator edit to public-web");
        JsonNode list = http.get(curation.url() + "/api/v1/resources", "Authorization", tokens.bearer()).json();
        List<String> ids = new ArrayList<>();
        Map<String, Integer> versions = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (JsonNode r : Http.items(list)) {
            if ("ACTIVE".equals(r.path("status").asText()) && ids.size() < EDITED_RESOURCES) {
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
            waitVersion(List.of(web), id, versions.get(id), 120_000);
        }
        int changes = options.quick() ? 30 : 1000;
        report.paragraph(String.format("Each round: %d direct edits (`PUT /api/v1/resources/{id}` with `If-Match`, a curator "
                + "token from Keycloak; an accepted edit: an approval of a submission ends in the same outbox write and relay) "
                + "round-robin over the first %d active resources of curation's list, one at a time; after each 200, every "
                + "public-web replica's `GET /api/v1/resources/{id}` is polled (one after the other, then 2 ms rest) until "
                + "it shows the new version. Benchmark instances on the benchmark's broker; public-web holds a catalog of "
                + "%,d entries.", changes, ids.size(), catalogEntries));

        report.subsection("One replica each");
        report.paragraph("Topology: " + Report.ONE_REPLICA + ".");
        Round one = round(List.of(curation), List.of(web), tokens, ids, versions, descriptions, changes, "propagation-1");
        one.write(report, List.of("public-web"));
        double p50 = Stats.percentile(one.every, 50);
        double p99 = Stats.percentile(one.every, 99);
        report.goal("propagation", "p50 < 100 ms", Stats.ms(p50) + " ms", one.every.isEmpty() ? null : p50 < 100,
                changes + " edits", Report.ONE_REPLICA);
        report.goal("propagation", "p99 < 500 ms", Stats.ms(p99) + " ms", one.every.isEmpty() ? null : p99 < 500,
                one.problems(), Report.ONE_REPLICA);

        report.subsection("Two replicas of public-web and of curation-service");
        report.paragraph("Topology: " + TWO_REPLICAS + ", as the production overlay runs them: the second replicas start "
                + "from the same frozen copy with the same environment, so they share the first ones' databases (public-web's "
                + "read model, curation's outbox) and consumer groups; the three partitions of `catalog.entries.v1` are split "
                + "between the two public-web consumers, and the replica that did not apply a change hears of it through "
                + "PostgreSQL (LISTEN/NOTIFY, `OtherReplicasChanges`). Edits alternate between the curation replicas. "
                + "Started for this round only and stopped after it.");
        ServiceInstance curation2 = stack.replica("curation-service", 2);
        ServiceInstance web2 = stack.replica("public-web", 2);
        Round two;
        try {
            double curationReady = curation2.start(http, 300_000);
            double webReady = web2.start(http, 300_000);
            rss.watch("bench curation-service-2", curation2.pid());
            rss.watch("bench public-web-2", web2.pid());
            for (String id : ids) {
                waitVersion(List.of(web, web2), id, versions.get(id), 120_000);
            }
            report.paragraph(String.format("Second replicas ready in %s ms (curation-service) and %s ms (public-web), "
                    + "while the first ones ran.", Stats.ms(curationReady), Stats.ms(webReady)));
            two = round(List.of(curation, curation2), List.of(web, web2), tokens, ids, versions, descriptions, changes,
                    "propagation-2");
        } finally {
            curation2.stop();
            web2.stop();
        }
        two.write(report, List.of("public-web", "public-web-2"));
        double p99Two = Stats.percentile(two.every, 99);
        report.goal("propagation", "accept -> every replica serves it: p99 < 200 ms with two public-web replicas",
                Stats.ms(p99Two) + " ms (p50 " + Stats.ms(Stats.percentile(two.every, 50)) + ", max " + Stats.ms(Stats.max(two.every))
                        + ")", two.every.isEmpty() ? null : p99Two < 200,
                changes + " edits" + (two.problems().isEmpty() ? "" : "; " + two.problems()) + "; limit 200 ms", TWO_REPLICAS);

        report.paragraph("Approvals of submissions (POST submission, wait for the queue item, POST decision ACCEPT) are not "
                + "measured separately: an approval ends in the same outbox write and relay as a direct edit.");
        rss.phase("propagation-history");
        historyDepth(curation, web, tokens, ids.get(ids.size() - 1), versions, descriptions);
        rss.phase("idle");
    }

    /** What one round measured: per edit, the time until every replica served it, until the first did, and per replica. */
    private static final class Round {
        final List<Double> every = new ArrayList<>();
        final List<Double> first = new ArrayList<>();
        final List<List<Double>> perReplica = new ArrayList<>();
        final List<Double> puts = new ArrayList<>();
        int lost;
        int failed;

        String problems() {
            return lost + failed > 0 ? lost + " not served within 10 s, " + failed + " failed" : "";
        }

        void write(Report report, List<String> replicaNames) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(row(replicaNames.size() > 1 ? "edit to served by every replica" : "edit to served by public-web", every));
            if (replicaNames.size() > 1) {
                rows.add(row("edit to served by the first replica", first));
                for (int r = 0; r < replicaNames.size(); r++) {
                    rows.add(row("edit to served by " + replicaNames.get(r), perReplica.get(r)));
                }
            }
            rows.add(row("PUT response time (curation)", puts));
            report.table(List.of("measure", "p50 ms", "p95 ms", "p99 ms", "max ms", "n"), rows);
            if (lost + failed > 0) {
                report.problem("propagation: " + failed + " edits failed, " + lost + " not served by every replica within 10 s");
            }
        }

        private static List<String> row(String name, List<Double> values) {
            return List.of(name, Stats.ms(Stats.percentile(values, 50)), Stats.ms(Stats.percentile(values, 95)),
                    Stats.ms(Stats.percentile(values, 99)), Stats.ms(Stats.max(values)), Integer.toString(values.size()));
        }
    }

    private Round round(List<ServiceInstance> curations, List<ServiceInstance> webs, Tokens tokens, List<String> ids,
            Map<String, Integer> versions, Map<String, String> descriptions, int changes, String phase) {
        Round round = new Round();
        webs.forEach(w -> round.perReplica.add(new ArrayList<>()));
        rss.phase(phase);
        for (int i = 0; i < changes; i++) {
            String id = ids.get(i % ids.size());
            Edit edit = edit(curations.get(i % curations.size()), tokens, id, versions.get(id), descriptions.get(id),
                    "propagation " + phase + " " + i);
            if (edit == null) {
                round.failed++;
                continue;
            }
            round.puts.add(edit.millis());
            versions.put(id, edit.version());
            long[] seen = servedAt(webs, id, edit.version(), 10_000);
            if (seen == null) {
                round.lost++;
                continue;
            }
            double firstMs = Double.MAX_VALUE;
            double everyMs = 0;
            for (int r = 0; r < webs.size(); r++) {
                double ms = (seen[r] - edit.answeredAt()) / 1e6;
                round.perReplica.get(r).add(ms);
                firstMs = Math.min(firstMs, ms);
                everyMs = Math.max(everyMs, ms);
            }
            round.first.add(firstMs);
            round.every.add(everyMs);
        }
        rss.phase("idle");
        return round;
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

    /**
     * Polls every replica (one after the other, then a 2 ms rest) until each serves the version; answers each one's
     * System.nanoTime() when it first did, or null if one did not within the timeout.
     */
    private long[] servedAt(List<ServiceInstance> webs, String id, int version, long timeoutMillis) {
        long[] seen = new long[webs.size()];
        int missing = webs.size();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            for (int r = 0; r < webs.size(); r++) {
                if (seen[r] == 0) {
                    Http.Reply reply = http.get(webs.get(r).url() + "/api/v1/resources/" + id);
                    if (reply.status() == 200 && reply.json().path("version").asInt() >= version) {
                        seen[r] = System.nanoTime();
                        missing--;
                    }
                }
            }
            if (missing == 0) {
                return seen;
            }
            Procs.sleep(2);
        }
        return null;
    }

    private void waitVersion(List<ServiceInstance> webs, String id, int version, long timeoutMillis) {
        if (servedAt(webs, id, version, timeoutMillis) == null) {
            report.problem("propagation: " + id + " version " + version + " not served by every public-web within "
                    + timeoutMillis / 1000 + " s before the measurement");
        }
    }

    private void historyDepth(ServiceInstance curation, ServiceInstance web, Tokens tokens, String id, Map<String, Integer> versions,
            Map<String, String> descriptions) {
        int target = options.quick() ? 100 : 1000;
        report.subsection("History depth: one resource with " + target + "+ versions (curation-service)");
        report.paragraph("Topology: " + Report.ONE_REPLICA + " (the second replicas are stopped).");
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
                diff.samples() > 0 ? diff.p95() < 50 : null, diff.failures() > 0 ? diff.failures() + " failed" : null,
                Report.ONE_REPLICA);
    }
}
