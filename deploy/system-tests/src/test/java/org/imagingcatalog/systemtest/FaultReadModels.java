package org.imagingcatalog.systemtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checksums of what each service built from the topics, over the data its users see (never
 * internal timestamps such as when a row was written).
 */
final class FaultReadModels {

    private FaultReadModels() {
    }

    /** public-web: every resource and its public change log, as the API answers them. */
    static String publicCatalog(ServiceProcess publicWeb, List<String> resourceIds) {
        ArrayNode all = Http.JSON.createArrayNode();
        resourceIds.stream().sorted().forEach(id -> {
            ObjectNode resource = all.addObject();
            resource.set("resource", Http.get(publicWeb.url() + "/api/v1/resources/" + id).json());
            resource.set("history", Http.get(publicWeb.url() + "/api/v1/resources/" + id + "/history").json());
        });
        return Checksums.of(all);
    }

    /** submission-service: its copy of the published catalog (the base of every correction form). */
    static String submissionPublishedCopy(FaultStack faults, ServiceProcess submission) {
        return Checksums.ofRows(faults.query(submission,
                "SELECT resource_id, version, status, name, snapshot_json FROM published_entry ORDER BY resource_id"));
    }

    /**
     * submission-service: each submission's status as the tracking page and API show it: its round, the version it
     * became, and every round's outcome.
     */
    static String submissionStatuses(FaultStack faults, ServiceProcess submission) {
        return Checksums.ofRows(faults.query(submission, """
                SELECT s.id::text, s.kind, s.resource_id, s.status, s.curator_message, s.submitted_at::text,
                       s.decided_at::text, s.revision, s.resulting_version,
                       (SELECT string_agg(r.revision || ':' || coalesce(r.status, '') || ':' || coalesce(r.curator_message, '')
                               || ':' || coalesce(r.decided_at::text, ''), '|' ORDER BY r.revision)
                          FROM submission_round r WHERE r.submission_id = s.id) AS rounds
                FROM submission s ORDER BY s.id"""));
    }

    /**
     * curation-service: the review queue as the topic fills it (who proposed what, when, why), read
     * through the API; the curators' own decisions are curation's data, not a replay's.
     */
    static String curationQueue(FaultStack faults, ServiceProcess curation) {
        List<JsonNode> items = new ArrayList<>(FaultCuration.allQueued(faults, curation));
        items.sort(Comparator.comparing(item -> item.path("submissionId").asText()));
        ArrayNode intake = Http.JSON.createArrayNode();
        for (JsonNode item : items) {
            ObjectNode fields = intake.addObject();
            // a correction's merge patch and the round come from the topic as well
            for (String field : List.of("submissionId", "kind", "comment", "submitterName", "submittedAt", "proposed",
                    "patch", "revision")) {
                fields.set(field, item.path(field));
            }
            // accepting a new resource fills in its id; corrections and withdrawals name theirs from the start
            if (!"NEW".equals(item.path("kind").asText())) {
                fields.set("resourceId", item.path("resourceId"));
            }
        }
        return Checksums.of(intake);
    }

    static long queueSize(FaultStack faults, ServiceProcess curation) {
        return faults.count(curation, "SELECT count(*) FROM review_item");
    }
}
