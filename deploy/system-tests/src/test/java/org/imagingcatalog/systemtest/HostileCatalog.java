package org.imagingcatalog.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ordinary way through the catalog, over its APIs: propose, wait for the review queue, decide, wait
 * for the public catalog. The hostile and security tests use it to make the things they then attack.
 */
final class HostileCatalog {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    /** What the submission API answered: the submission id and the private tracking link's token. */
    record Receipt(String id, String trackingToken) {
    }

    private final CatalogStack stack;
    private final String curatorBearer;

    HostileCatalog(CatalogStack stack) {
        this.stack = stack;
        this.curatorBearer = Http.bearer(stack.token("curator", "curator"));
    }

    String curatorBearer() {
        return curatorBearer;
    }

    /** A valid new resource with the given id and name, and harmless values elsewhere. */
    static ObjectNode resource(String id, String name) {
        ObjectNode r = Http.JSON.createObjectNode();
        r.put("id", id).put("name", name).put("url", "https://example.org/" + id)
                .put("description", "Made by a system test.").put("provider", "System tests");
        r.putObject("modalities").put("ct", "Y").put("xray", "N").put("mri", "U").put("ultrasound", "N");
        r.put("metadata", "Y").put("caseReview", "N").put("license", "CC-BY-4.0").put("access", "OPEN");
        r.putArray("formats").add("DICOM");
        r.putObject("counts").put("patients", 10).put("images", 100).putNull("studies");
        r.putArray("annotations");
        r.putArray("tags").add("system-test");
        return r;
    }

    Receipt propose(ObjectNode submission) {
        Http.Reply reply = Http.postJson(stack.submission.url() + "/api/v1/submissions", submission);
        if (reply.status() != 202) {
            throw new AssertionError("submission refused: " + reply.status() + " " + reply.body());
        }
        String url = reply.json().path("trackingUrl").asText();
        return new Receipt(reply.json().path("id").asText(), url.substring(url.lastIndexOf('/') + 1));
    }

    Receipt proposeNew(ObjectNode resource, String comment, String submitterName, String email) {
        ObjectNode s = Http.JSON.createObjectNode().put("kind", "NEW").put("comment", comment);
        s.set("proposed", resource);
        if (submitterName != null || email != null) {
            s.putObject("submitter").put("name", submitterName).put("email", email);
        }
        return propose(s);
    }

    /** Waits until curation's queue holds the submission; answers its queue item. */
    JsonNode awaitInQueue(String submissionId) {
        return Http.await(stack.curation.url() + "/api/v1/submissions/" + submissionId, r -> r.status() == 200, EVENTUAL,
                "Authorization", curatorBearer).json();
    }

    JsonNode decide(String submissionId, String outcome, String message) {
        ObjectNode body = Http.JSON.createObjectNode().put("outcome", outcome).put("message", message);
        Http.Reply reply = Http.postJson(stack.curation.url() + "/api/v1/submissions/" + submissionId + "/decision", body,
                "Authorization", curatorBearer);
        if (reply.status() != 200) {
            throw new AssertionError("decision refused: " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    /** Waits until the public API shows the resource at {@code version} or later; answers it. */
    JsonNode awaitPublic(String resourceId, int version) {
        return Http.await(stack.publicWeb.url() + "/api/v1/resources/" + resourceId,
                r -> r.status() == 200 && r.json().path("version").asInt() >= version, EVENTUAL).json();
    }

    /** Waits until the submission's tracking API shows {@code status}. */
    void awaitStatus(String trackingToken, String status) {
        Http.await(stack.submission.url() + "/api/v1/submissions/" + trackingToken,
                r -> r.status() == 200 && r.json().path("status").asText().equals(status), EVENTUAL);
    }

    /** Every published resource id the public API lists. */
    List<String> publishedIds() {
        List<String> ids = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode list = Http.get(stack.publicWeb.url() + "/api/v1/resources?size=100&page=" + page).json();
            list.path("items").forEach(item -> ids.add(item.path("id").asText()));
            if (list.path("items").size() < 100) {
                return ids;
            }
        }
    }
}
