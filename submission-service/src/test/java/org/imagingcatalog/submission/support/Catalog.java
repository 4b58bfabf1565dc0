package org.imagingcatalog.submission.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;

/** The other services as the tests play them: public-web's entries, curation's decisions, and what we emitted. */
public final class Catalog {

    public static final String DESCRIPTION = "Radiographs of the chest.";

    private Catalog() {
    }

    /** Publishes an active entry (version 1) and waits until this service's copy has it. */
    public static String publishedEntry(String prefix, String name) {
        String id = Proposals.uniqueSlug(prefix);
        Resource snapshot = snapshot(id, name);
        EntryVersionPublished event = EntryVersionPublished.of(id, 1, ResourceStatus.ACTIVE, snapshot, List.of("name"),
                "first version", null, null, Instant.now());
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.ENTRIES, id, EventJson.write(event));
        Await.until("the entry to arrive", Duration.ofSeconds(30), () -> given().get("/correct/" + id).statusCode() == 200);
        return id;
    }

    /** Publishes this snapshot as version 1 of an active entry and waits until this service's copy has it. */
    public static String publish(Resource snapshot) {
        String id = snapshot.id();
        EntryVersionPublished event = EntryVersionPublished.of(id, 1, ResourceStatus.ACTIVE,
                snapshot.withVersion(1, ResourceStatus.ACTIVE), List.of("name"), "first version", null, null, Instant.now());
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.ENTRIES, id, EventJson.write(event));
        Await.until("the entry to arrive", Duration.ofSeconds(30), () -> given().get("/correct/" + id).statusCode() == 200);
        return id;
    }

    /** What {@link #publishedEntry} publishes. */
    public static Resource snapshot(String id, String name) {
        return new Resource(id, name, "https://example.org/" + id, DESCRIPTION, "Example Lab",
                new Modalities(Availability.N, Availability.Y, Availability.N, Availability.U), Availability.Y,
                Availability.N, "CC-BY-4.0", Access.OPEN, List.of("PNG", "DICOM"), new Counts(10L, 20L, null),
                List.of("classification"), List.of("chest"), 1, ResourceStatus.ACTIVE);
    }

    /** The fields of the correction form as it comes pre-filled for {@link #publishedEntry}. */
    public static java.util.Map<String, String> prefilledForm(String id, String name) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>(
                org.imagingcatalog.model.validation.ResourceReader.toForm(snapshot(id, name)));
        form.put("comment", "");
        form.put("submitterName", "");
        form.put("submitterEmail", "");
        form.put("website", "");
        return form;
    }

    /** Curation's decision on a submission, sent on the decisions topic. */
    public static String decide(UUID submissionId, DecisionOutcome outcome, String message, String resourceId,
            Integer version) {
        String json = EventJson.write(SubmissionDecided.of(submissionId, outcome, message, resourceId, version,
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
        send(submissionId, json);
        return json;
    }

    public static void send(UUID submissionId, String json) {
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.DECISIONS, submissionId.toString(), json);
    }

    /** The SubmissionReceived events of one submission, oldest first, once there are at least {@code count}. */
    public static List<JsonNode> received(String submissionId, int count) {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(),
                Topics.SUBMISSIONS, rs -> rs.stream().filter(r -> submissionId.equals(r.key())).count() >= count,
                Duration.ofSeconds(30));
        return records.stream().filter(r -> submissionId.equals(r.key())).map(r -> read(r.value())).toList();
    }

    private static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(json, e);
        }
    }

    /** The token at the end of a tracking URL or path. */
    public static String token(String trackingUrlOrPath) {
        return trackingUrlOrPath.replaceAll(".*/track/", "").replaceAll("[?#].*", "");
    }
}
