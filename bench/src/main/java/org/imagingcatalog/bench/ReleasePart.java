package org.imagingcatalog.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 17's release goals on the benchmark's own services: a catalog of 100,000 entries in curation-service (as the
 * scale part left it, or loaded straight into its tables by SQL, versions and all, as if curated), a release cut
 * through the API by catalog-admin,
 * the time until public-web shows it (every part relayed, read and stored), and each of its seven exports fetched
 * with {@code ?release=}: the first fetch renders it as it streams from the database, the second is sent from the file
 * that rendering left. Peak RSS of both services over the phase.
 */
final class ReleasePart {

    private static final int ENTRIES = 100_000;
    private static final List<String> EXPORTS = List.of("catalog.csv", "catalog.json", "catalog.tex", "catalog.bib",
            "catalog.jsonld", "catalog.ttl", "catalog.rdf");

    private final Options options;
    private final Http http;
    private final Report report;
    private final RssMonitor rss;
    private final HttpClient streaming = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    ReleasePart(Options options, Http http, Report report, RssMonitor rss) {
        this.options = options;
        this.http = http;
        this.report = report;
        this.rss = rss;
    }

    void run(BenchStack stack, ServiceInstance curation, ServiceInstance publicWeb, Tokens admin) {
        report.section("Releases (issue 17)");
        int target = options.quick() ? 2_000 : ENTRIES;
        String run = Long.toString(System.currentTimeMillis(), 36);
        String database = stack.database("curation-service");
        int before = Integer.parseInt(stack.psql(database, "SELECT count(*) FROM resource").strip());
        // the scale part leaves curation holding its whole catalog; otherwise the difference is loaded here
        int entries = Math.max(0, target - before);
        long load = System.nanoTime();
        if (entries > 0) {
            stack.psql(database, loadSql("bench-release-" + run + "-", entries));
        }
        double loadSeconds = (System.nanoTime() - load) / 1e9;
        String catalogSize = stack.psql(database, "SELECT count(*) FROM resource").strip();

        rss.phase("release");
        String name = "bench-" + run;
        Http.Reply cut = http.send("POST", curation.url() + "/api/v1/releases",
                "{\"name\": \"" + name + "\", \"notes\": \"The benchmark's release of " + catalogSize + " entries.\"}",
                "Authorization", admin.bearer(), "Content-Type", "application/json");
        if (cut.status() != 201) {
            report.problem("release: the cut answered " + cut.status() + ": " + cut.text());
            rss.phase("idle");
            return;
        }
        int frozen = cut.json().path("entryCount").asInt();
        long published = System.nanoTime();
        Http.Reply shown = null;
        while (System.nanoTime() - published < 600e9) {
            shown = http.get(publicWeb.url() + "/api/v1/releases/" + name);
            if (shown.status() == 200) {
                break;
            }
            sleep(100);
        }
        double shownSeconds = (System.nanoTime() - published) / 1e9;
        boolean arrived = shown != null && shown.status() == 200;

        List<List<String>> table = new ArrayList<>();
        double worstFirst = 0;
        for (String export : EXPORTS) {
            String url = publicWeb.url() + "/export/" + export + "?release=" + name;
            Fetched first = fetch(url);
            Fetched second = fetch(url);
            worstFirst = Math.max(worstFirst, first.millis());
            table.add(List.of("`/export/" + export + "?release=`", Stats.mib(first.bytes()), Integer.toString(first.status()),
                    Stats.ms(first.millis()), Stats.ms(second.millis())));
        }
        rss.phase("idle");
        long curationPeak = rss.peak("bench curation-service", "release");
        long publicPeak = rss.peak("bench public-web", "release");

        report.paragraph(before + " entries in the benchmark's curation database before this part, " + entries
                + " more loaded by SQL (version 1 of each, about 1 KB of JSON; " + String.format("%.1f", loadSeconds)
                + " s): " + catalogSize + " entries in all. "
                + "catalog-admin cuts release `" + name + "` with `POST /api/v1/releases` (" + frozen + " version "
                + "references; the snapshots go to the outbox as ReleasePublished parts in the same transaction); then "
                + "public-web is polled until `GET /api/v1/releases/{name}` answers 200 (every part relayed, consumed and "
                + "stored). Each export with `?release=` is fetched twice: the first renders it while the entries stream "
                + "from PostgreSQL into a file, the second is that file. Client-side times, whole bodies read.");
        report.table(List.of("step", "figure"), List.of(
                List.of("cut (`POST /api/v1/releases`, 201)", Stats.ms(cut.millis()) + " ms"),
                List.of("until public-web shows the release", arrived ? String.format("%.1f s", shownSeconds)
                        : "not within 10 min"),
                List.of("curation-service peak RSS in this phase", Stats.mib(curationPeak) + " MiB"),
                List.of("public-web peak RSS in this phase", Stats.mib(publicPeak) + " MiB")));
        report.table(List.of("export", "MiB", "status", "first fetch ms (rendered)", "second fetch ms (from its file)"),
                table);
        report.goal("release", "a release of " + catalogSize + " entries is cut in < 5 s", Stats.ms(cut.millis()) + " ms",
                cut.millis() < 5_000, target == ENTRIES ? null : "quick run: " + catalogSize + ", not 100,000");
        report.goal("release", "its exports stream in < 10 s", Stats.ms(worstFirst) + " ms (slowest first fetch)",
                arrived && worstFirst < 10_000, arrived ? null : "the release never arrived on public-web");
        long limit = 300L << 20;
        report.goal("release", "memory stays under the footprint goal (< 300 MiB RSS) meanwhile",
                "curation " + Stats.mib(curationPeak) + " MiB, public-web " + Stats.mib(publicPeak) + " MiB",
                curationPeak < limit && publicPeak < limit, null);
    }

    private record Fetched(int status, long bytes, double millis) {
    }

    /** A GET whose body is counted as it arrives, never held. */
    private Fetched fetch(String url) {
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = streaming.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream body = response.body()) {
                for (int n; (n = body.read(buffer)) > 0;) {
                    bytes += n;
                }
            }
            return new Fetched(response.statusCode(), bytes, (System.nanoTime() - start) / 1e6);
        } catch (IOException e) {
            return new Fetched(0, 0, (System.nanoTime() - start) / 1e6);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Entries as curation-service stores them: a head and version 1 with its snapshot, as if each had been curated. */
    static String loadSql(String prefix, int entries) {
        String id = "'" + prefix + "' || i";
        String snapshot = "jsonb_build_object('id', " + id + ", 'name', 'Bench release entry ' || i || ' ' || w.word,"
                + " 'url', 'https://example.org/bench/' || i, 'description', 'A generated collection of '"
                + " || w.word || ' images for the release benchmark, number ' || i || '. ' || repeat('Chest imaging with"
                + " labels from reports. ', 12), 'provider', 'Bench Institute ' || (i % 97),"
                + " 'modalities', jsonb_build_object('ct', 'Y', 'xray', CASE WHEN i % 3 = 0 THEN 'Y' ELSE 'N' END, 'mri',"
                + " 'U', 'ultrasound', 'N'), 'metadata', 'Y', 'caseReview', 'N', 'license', 'CC-BY-4.0', 'access', 'OPEN',"
                + " 'formats', jsonb_build_array('DICOM'), 'counts', jsonb_build_object('patients', i % 1000 + 1,"
                + " 'images', i % 10000 + 1, 'studies', null), 'annotations', jsonb_build_array(), 'tags',"
                + " jsonb_build_array('bench', w.word), 'version', 1, 'status', 'ACTIVE')";
        String words = "(SELECT i, (ARRAY['covid','chest','lung','pneumonia','ct','xray','mri','ultrasound','heart','brain'])"
                + "[1 + i % 10] AS word FROM generate_series(1, " + entries + ") i) w";
        return "BEGIN;"
                + " INSERT INTO resource (id, current_version, status, name, url, updated_at)"
                + " SELECT " + id + ", 1, 'ACTIVE', 'Bench release entry ' || i || ' ' || w.word,"
                + " 'https://example.org/bench/' || i, now() FROM " + words + ";"
                + " INSERT INTO resource_version (resource_id, version, snapshot, changed_fields, summary, curator,"
                + " created_at, reason, status) SELECT " + id + ", 1, " + snapshot + ", ARRAY['name'],"
                + " 'added to the catalog', 'bench', now(), 'loaded by the release benchmark', 'ACTIVE' FROM " + words + ";"
                + " COMMIT;";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
