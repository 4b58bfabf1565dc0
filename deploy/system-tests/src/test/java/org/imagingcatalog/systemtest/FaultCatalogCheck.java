package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.imagingcatalog.model.Topics;
import org.imagingcatalog.testsupport.Quietly;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether every accepted change reached the public catalog exactly once: public-web shows each
 * resource at curation's current version, its public change log lists every version once, and the
 * entries topic holds exactly one event per (resource, version).
 */
final class FaultCatalogCheck {

    /** What the check saw once everything agreed. */
    record Agreement(int resources, int versions, Duration waited, int entryRecords, int entryRedeliveries) {
    }

    private FaultCatalogCheck() {
    }

    /** Curation's current version of every resource, from its API. */
    static Map<String, Integer> curatedVersions(FaultStack faults) {
        Http.Reply reply = Http.get(faults.curation().url() + "/api/v1/resources", faults.asCurator());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        Map<String, Integer> versions = new LinkedHashMap<>();
        JsonNode list = reply.json().isArray() ? reply.json() : reply.json().path("items");
        list.forEach(r -> versions.put(r.path("id").asText(), r.path("currentVersion").asInt()));
        assertThat(versions).as("curation's resources").isNotEmpty();
        return versions;
    }

    /** Waits up to {@code timeout} for public-web to agree with curation, then checks histories and the topic. */
    static Agreement publicMatchesCuration(FaultStack faults, Duration timeout) {
        Instant start = Instant.now();
        Map<String, Integer> curated = curatedVersions(faults);
        Map<String, Integer> lagging = new HashMap<>(curated);
        Map<String, Integer> shown = new HashMap<>();
        Instant deadline = start.plus(timeout);
        while (!lagging.isEmpty() && Instant.now().isBefore(deadline)) {
            for (String id : new ArrayList<>(lagging.keySet())) {
                Http.Reply reply = Http.get(faults.publicWeb().url() + "/api/v1/resources/" + id);
                int version = reply.status() == 200 ? reply.json().path("version").asInt() : -reply.status();
                shown.put(id, version);
                if (version == curated.get(id)) {
                    lagging.remove(id);
                } else {
                    assertThat(version).as("public version of " + id + " never runs ahead of curation")
                            .isLessThan(curated.get(id));
                }
            }
            if (!lagging.isEmpty()) {
                Quietly.sleep(200);
            }
        }
        Duration waited = FaultReport.since(start);
        assertThat(lagging.keySet().stream().map(id -> id + ": public " + shown.get(id) + ", curated " + curated.get(id)))
                .as("resources whose public version still differs from curation's after " + timeout).isEmpty();

        int versions = 0;
        for (Map.Entry<String, Integer> resource : curated.entrySet()) {
            List<Integer> logged = new ArrayList<>();
            Http.get(faults.publicWeb().url() + "/api/v1/resources/" + resource.getKey() + "/history").json()
                    .path("versions").forEach(v -> logged.add(v.path("version").asInt()));
            logged.sort(null);
            assertThat(logged).as("public change log of " + resource.getKey() + ": every version exactly once")
                    .isEqualTo(IntStream.rangeClosed(1, resource.getValue()).boxed().toList());
            versions += resource.getValue();
        }

        int total = versions;
        FaultEvents entries = FaultEvents.read(faults.kafka.bootstrapServers(), Topics.ENTRIES,
                read -> read.distinctEvents() >= total, Duration.ofSeconds(30));
        assertThat(entries.doubled(FaultEvents::entryKey)).as("(resource, version) pairs published as two events")
                .isEmpty();
        Map<String, Set<Integer>> published = new HashMap<>();
        entries.eventIdsBy(FaultEvents::entryKey).keySet().forEach(key -> published
                .computeIfAbsent(key.substring(0, key.lastIndexOf('@')), k -> new TreeSet<>())
                .add(Integer.parseInt(key.substring(key.lastIndexOf('@') + 1))));
        for (Map.Entry<String, Integer> resource : curated.entrySet()) {
            assertThat(published.get(resource.getKey())).as("versions of " + resource.getKey() + " on " + Topics.ENTRIES)
                    .isEqualTo(IntStream.rangeClosed(1, resource.getValue()).boxed().collect(Collectors.toSet()));
        }
        return new Agreement(curated.size(), versions, waited, entries.records(), entries.redeliveries());
    }

    /**
     * Each accepted submission made exactly one version in curation, one decision event, and reads
     * ACCEPTED on the contributor's tracking API.
     */
    static void eachAcceptedMadeOneVersion(FaultStack faults, List<FaultSubmissions.Receipt> accepted) {
        Set<String> ids = accepted.stream().map(r -> r.id().toString()).collect(Collectors.toSet());
        Map<String, Long> versionsPerSubmission = new HashMap<>();
        faults.query(faults.curation(), """
                SELECT source_submission_id::text, count(*) FROM resource_version
                WHERE source_submission_id = ANY (CAST(? AS uuid[])) GROUP BY 1""", "{" + String.join(",", ids) + "}")
                .forEach(row -> versionsPerSubmission.put((String) row.get(0), ((Number) row.get(1)).longValue()));
        assertThat(versionsPerSubmission.keySet()).as("accepted submissions with a version").isEqualTo(ids);
        assertThat(versionsPerSubmission.values()).as("versions per accepted submission").allMatch(n -> n == 1);

        FaultEvents decisions = FaultEvents.read(faults.kafka.bootstrapServers(), Topics.DECISIONS,
                read -> read.where("submissionId", ids).distinctEvents() >= ids.size(), Duration.ofSeconds(30))
                .where("submissionId", ids);
        assertThat(decisions.eventIdsBy(e -> e.path("submissionId").asText()).keySet()).as("decided submissions")
                .isEqualTo(ids);
        assertThat(decisions.doubled(e -> e.path("submissionId").asText())).as("submissions decided twice").isEmpty();

        for (FaultSubmissions.Receipt receipt : accepted) {
            Http.await(faults.submission().url() + "/api/v1/submissions/" + receipt.token(),
                    r -> r.status() == 200 && r.json().path("status").asText().equals("ACCEPTED"), Duration.ofSeconds(60));
        }
    }

}
