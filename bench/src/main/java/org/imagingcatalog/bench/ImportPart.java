package org.imagingcatalog.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Issue 17's import goal: a CSV of 10,000 new entries (over 5 MiB) posted to curation-service's bulk import as a dry
 * run, several times, then applied once for real and reverted (so the benchmark's catalog is as before). Times are the
 * client's, from the request to the whole answer.
 */
final class ImportPart {

    private static final int ROWS = 10_000;

    private final Options options;
    private final Http http;
    private final Report report;
    private final RssMonitor rss;

    ImportPart(Options options, Http http, Report report, RssMonitor rss) {
        this.options = options;
        this.http = http;
        this.report = report;
        this.rss = rss;
    }

    void run(ServiceInstance curation, Tokens tokens) {
        report.section("Bulk import (issue 17)");
        int rows = options.quick() ? 1_000 : ROWS;
        String file = csv("bench-import-" + UUID.randomUUID().toString().substring(0, 8), rows);
        String base = curation.url() + "/api/v1/imports";
        rss.phase("import");
        List<Double> dryRuns = new ArrayList<>();
        for (int i = 0; i < Math.max(3, options.runs()); i++) {
            Http.Reply dry = post(base + "?dryRun=true", file, tokens);
            if (dry.status() != 200 || dry.json().path("counts").path("NEW").asInt() != rows) {
                report.problem("import: the dry run answered " + dry.status() + ": " + abbreviate(dry.text()));
                rss.phase("idle");
                return;
            }
            dryRuns.add(dry.nanos() / 1e6);
        }
        Http.Reply applied = post(base + "?reason=bench", file, tokens);
        JsonNode answer = applied.status() == 201 ? applied.json() : null;
        double applyMs = applied.nanos() / 1e6;
        double revertMs = Double.NaN;
        if (answer != null) {
            Http.Reply reverted = http.send("POST", base + "/" + answer.path("id").asText() + "/revert",
                    "{\"reason\": \"bench: back to the catalog before\"}", "Authorization", tokens.bearer(),
                    "Content-Type", "application/json");
            revertMs = reverted.status() == 200 ? reverted.nanos() / 1e6 : Double.NaN;
        }
        rss.phase("idle");

        report.paragraph(rows + " new entries as CSV in the export's columns (" + file.length() / 1024 + " KiB), posted to "
                + "the benchmark's curation-service (`POST /api/v1/imports`, a curator's token): " + dryRuns.size()
                + " dry runs, then the real run (each row a new version with its audit record and outbox event, one "
                + "transaction), then its revert.");
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("dry run (each)", Stats.ms(Stats.percentile(dryRuns, 50)), Stats.ms(Stats.max(dryRuns)),
                Integer.toString(dryRuns.size())));
        table.add(List.of("real run", Stats.ms(applyMs), Stats.ms(applyMs), answer == null ? "answered " + applied.status() : "1"));
        table.add(List.of("revert", Stats.ms(revertMs), Stats.ms(revertMs), Double.isNaN(revertMs) ? "failed" : "1"));
        report.table(List.of("step", "p50 ms", "max ms", "n"), table);
        double worstDry = Stats.max(dryRuns);
        report.goal("import", "a " + rows + "-row dry run answers in < 10 s", Stats.ms(worstDry) + " ms (worst of "
                + dryRuns.size() + ")", worstDry < 10_000, null);
        report.goal("import", rows + " rows import in one go", answer == null ? "answered " + applied.status()
                : Stats.ms(applyMs) + " ms", answer != null, null);
    }

    private Http.Reply post(String url, String csv, Tokens tokens) {
        return http.send("POST", url, csv, "Authorization", tokens.bearer(), "Content-Type", "text/csv; charset=UTF-8");
    }

    private static String csv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("id,name,url,description,provider,ct,license,access,formats,patients,tags\r\n");
        String description = "\"" + "A collection of chest radiographs with reports, listed by the benchmark of the bulk import. "
                .repeat(5).strip() + "\"";
        for (int i = 0; i < rows; i++) {
            String id = prefix + "-" + i;
            csv.append(id).append(",Bench import collection ").append(i).append(",https://example.org/").append(id)
                    .append(',').append(description).append(",Bench Hospital,Y,CC-BY-4.0,OPEN,DICOM; PNG,").append(i)
                    .append(",chest; bench\r\n");
        }
        return csv.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
