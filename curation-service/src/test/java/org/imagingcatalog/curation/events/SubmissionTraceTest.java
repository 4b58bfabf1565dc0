package org.imagingcatalog.curation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.testsupport.tracing.FinishedSpans;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.kit.tracing.SpanAttributes;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The intake continues the contributor's trace; the curator's decision is a trace of its own that links to it, and
 * the records it causes carry the decision's trace on.
 */
@QuarkusTest
class SubmissionTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theIntakeContinuesTheSubmissionsTraceAndTheDecisionLinksToIt() {
        String submissionTrace = IdGenerator.random().generateTraceId();
        String relaySpan = IdGenerator.random().generateSpanId();
        SubmissionReceived received = SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.NEW, null,
                CurationApi.sample(Submissions.uniqueId("traced")), null, "Test Contributor",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        send(Topics.SUBMISSIONS, received.key(), EventJson.write(received), "00-" + submissionTrace + "-" + relaySpan + "-01");
        awaitQueued(received.submissionId());

        SpanData intake = FinishedSpans.await(spans, "the intake of the traced submission",
                s -> s.getTraceId().equals(submissionTrace) && s.getKind() == SpanKind.CONSUMER);
        assertThat(intake.getParentSpanId()).as("a child of the relay's span").isEqualTo(relaySpan);
        assertThat(intake.getName()).isEqualTo("process " + Topics.SUBMISSIONS);
        assertThat(intake.getAttributes().get(SpanAttributes.SUBMISSION_ID)).isEqualTo(received.submissionId().toString());

        String resourceId = asCurator().body(Map.of("outcome", "ACCEPT"))
                .post("/api/v1/submissions/{id}/decision", received.submissionId()).then().statusCode(200)
                .extract().path("resourceId");

        String[] entry = traceparent(onlyRecord(Topics.ENTRIES, resourceId)).split("-");
        String decisionTrace = entry[1];
        assertThat(decisionTrace).as("the decision is a trace of its own").isNotEqualTo(submissionTrace);
        SpanData decision = FinishedSpans.await(spans, "the decision's request",
                s -> s.getTraceId().equals(decisionTrace) && s.getKind() == SpanKind.SERVER);
        assertThat(decision.getLinks()).as("the decision links to the submission's intake")
                .anySatisfy(link -> {
                    assertThat(link.getSpanContext().getTraceId()).isEqualTo(submissionTrace);
                    assertThat(link.getSpanContext().getSpanId()).isEqualTo(intake.getSpanId());
                });
        assertThat(decision.getAttributes().get(SpanAttributes.SUBMISSION_ID)).isEqualTo(received.submissionId().toString());
        assertThat(decision.getAttributes().get(SpanAttributes.RESOURCE_ID)).isEqualTo(resourceId);

        SpanData published = FinishedSpans.await(spans, "the relay's send of the entry", s -> s.getSpanId().equals(entry[2]));
        assertThat(published.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(published.getName()).isEqualTo("send " + Topics.ENTRIES);
        assertThat(published.getTraceId()).isEqualTo(decisionTrace);
        assertThat(published.getParentSpanId()).isEqualTo(decision.getSpanId());
        assertThat(published.getAttributes().get(SpanAttributes.RESOURCE_ID)).isEqualTo(resourceId);
        assertThat(traceparent(onlyRecord(Topics.DECISIONS, received.submissionId().toString())).split("-")[1])
                .as("the decision's record").isEqualTo(decisionTrace);
    }

    private static ConsumerRecord<String, String> onlyRecord(String topic, String key) {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(),
                topic, rs -> rs.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> key.equals(r.key())).toList();
        assertThat(records).as("records of %s on %s", key, topic).hasSize(1);
        return records.get(0);
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("the traceparent header of %s", record.topic()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** As the submission service's relay sends a record: with the trace context of its send. */
    private static void send(String topic, String key, String value, String traceparent) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }
}
