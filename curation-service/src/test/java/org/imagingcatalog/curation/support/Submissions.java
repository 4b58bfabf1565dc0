package org.imagingcatalog.curation.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;

/** Builds resources and sends SubmissionReceived events to the real broker, as the submission service would. */
public final class Submissions {

    private Submissions() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Resource resource(String id, String name) {
        return new Resource(id, name, "https://data.example.org/" + id, "A test collection of chest images.",
                "Example University", new Modalities(Availability.U, Availability.Y, Availability.N, Availability.U),
                Availability.Y, Availability.N, "CC-BY-4.0", Access.OPEN, List.of("PNG"),
                new Counts(100L, 1000L, null), List.of("classification"), List.of("chest"), null, null);
    }

    public static SubmissionReceived send(SubmissionKind kind, String resourceId, Resource proposed, String comment) {
        SubmissionReceived event = SubmissionReceived.of(UUID.randomUUID(), kind, resourceId, proposed, comment,
                "Test Contributor", Instant.now().truncatedTo(ChronoUnit.MICROS));
        send(event);
        return event;
    }

    /** A CORRECTION as the submission service now sends it: a JSON Merge Patch, no whole resource. */
    public static SubmissionReceived sendCorrection(String resourceId, String patchJson, String comment) {
        SubmissionReceived event = SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.CORRECTION, resourceId, null,
                json(patchJson), comment, "Test Contributor", Instant.now().truncatedTo(ChronoUnit.MICROS), 1);
        send(event);
        return event;
    }

    /** The contributor's next round of a submission after "request changes": same id, kind and resource. */
    public static SubmissionReceived sendRevision(SubmissionReceived first, Resource proposed, String patchJson,
            String comment, int revision) {
        SubmissionReceived event = SubmissionReceived.of(first.submissionId(), first.kind(), first.resourceId(), proposed,
                patchJson == null ? null : json(patchJson), comment, first.submitterName(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), revision);
        send(event);
        return event;
    }

    public static JsonNode json(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static void send(SubmissionReceived event) {
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.SUBMISSIONS, event.key(), EventJson.write(event));
    }

    /** Polls until the condition holds (the consumer works asynchronously). */
    public static void await(String what, Duration timeout, Callable<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        try {
            while (Instant.now().isBefore(deadline)) {
                if (Boolean.TRUE.equals(condition.call())) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new AssertionError("while waiting for " + what, e);
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
