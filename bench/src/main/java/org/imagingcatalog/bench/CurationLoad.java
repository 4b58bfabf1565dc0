package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Puts the synthetic catalog into the benchmark's curation-service too, so that every service holds it (issue 18:
 * every service's memory at 100,000 entries): the same entries, ids and content the scale part published straight to
 * the topic, as JSON through curation's bulk import (a curator's token, chunks of {@value #CHUNK}). Each becomes
 * version 1 in curation and goes out through its outbox; public-web and submission-service already hold version 1
 * and keep it (only a newer version replaces a stored one), so their catalogs stay as they are. Waits until the
 * outbox is empty and public-web's read model is caught up again, so the next parts do not measure the relay.
 */
final class CurationLoad {

    static final int CHUNK = 2_000;

    private final Options options;
    private final Http http;
    private final Report report;

    CurationLoad(Options options, Http http, Report report) {
        this.options = options;
        this.http = http;
        this.report = report;
    }

    void run(BenchStack stack, ServiceInstance curation, ServiceInstance web, int size) {
        report.subsection(String.format("Curation-service at %,d entries", size));
        Tokens tokens = new Tokens(http, options.keycloak(), "curator", "curator");
        EntryGenerator generator = new EntryGenerator();
        List<Double> chunkMillis = new ArrayList<>();
        long bytes = 0;
        long start = System.nanoTime();
        for (int from = 0; from < size; from += CHUNK) {
            int to = Math.min(size, from + CHUNK);
            String body = json(generator, from, to);
            bytes += body.length();
            Http.Reply reply = http.send("POST", curation.url() + "/api/v1/imports?reason=bench%20synthetic%20catalog", body,
                    "Authorization", tokens.bearer(), "Content-Type", "application/json");
            if (reply.status() != 201) {
                report.problem(String.format("scale: curation's import of entries %,d-%,d answered %d: %s", from, to - 1,
                        reply.status(), abbreviate(reply.text())));
                report.paragraph("Curation-service did not take the synthetic catalog (see Problems): it holds only what it "
                        + "held before, so its memory figures are not at the catalog's size.");
                return;
            }
            chunkMillis.add(reply.nanos() / 1e6);
        }
        double imported = (System.nanoTime() - start) / 1e9;
        long drainStart = System.nanoTime();
        boolean drained = waitOutboxEmpty(stack, 900_000);
        double drainedSeconds = (System.nanoTime() - drainStart) / 1e9;
        boolean caughtUp = drained && waitCaughtUp(web, 600_000);
        double caughtUpSeconds = (System.nanoTime() - drainStart) / 1e9;
        if (!drained || !caughtUp) {
            report.problem("scale: after curation's import " + (drained ? "public-web's read model was not caught up"
                    : "curation's outbox was not empty") + " within the time allowed; the next parts ran while it was still busy");
        }
        report.paragraph(String.format("The %,d synthetic entries (the same ids and content) imported into the benchmark's "
                + "curation-service as JSON (`POST /api/v1/imports`, a curator's token), %,d per request, %.1f MiB in all: "
                + "each a version 1 with its audit record and outbox event. Public-web and submission-service hold version 1 "
                + "of each already and keep it. Then the bench waited until curation's outbox was empty and public-web's read "
                + "model caught up, so later parts do not measure the relay.", size, CHUNK, bytes / 1048576.0));
        report.table(List.of("step", "time"), List.of(
                List.of(String.format("import of %,d entries (%d requests; each p50 / max)", size, chunkMillis.size()),
                        String.format("%.1f s (%s / %s ms)", imported, Stats.ms(Stats.median(chunkMillis)),
                                Stats.ms(Stats.max(chunkMillis)))),
                List.of("outbox empty (relay to the broker)", drained ? String.format("%.1f s later", drainedSeconds) : "not within 15 min"),
                List.of("public-web caught up again", caughtUp ? String.format("%.1f s later", caughtUpSeconds) : "no")));
    }

    private static String json(EntryGenerator generator, int from, int to) {
        List<Resource> entries = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            entries.add(generator.entry(i).withId(EntryGenerator.id(i)));
        }
        try {
            return EventJson.mapper().writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean waitOutboxEmpty(BenchStack stack, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            String pending = stack.psql(stack.database("curation-service"),
                    "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL");
            if ("0".equals(pending)) {
                return true;
            }
            Procs.sleep(500);
        }
        return false;
    }

    /** Public-web's readiness names its read model's state: caught up twice in a row, a second apart. */
    private boolean waitCaughtUp(ServiceInstance web, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        int inARow = 0;
        while (System.currentTimeMillis() < deadline) {
            inARow = caughtUp(web) ? inARow + 1 : 0;
            if (inARow >= 2) {
                return true;
            }
            Procs.sleep(1000);
        }
        return false;
    }

    private boolean caughtUp(ServiceInstance web) {
        Http.Reply reply = http.get(web.url() + "/q/health/ready");
        if (reply.status() != 200) {
            return false;
        }
        for (JsonNode check : reply.json().path("checks")) {
            if (check.path("data").has("caughtUp")) {
                return check.path("data").path("caughtUp").asBoolean();
            }
        }
        return true;
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
