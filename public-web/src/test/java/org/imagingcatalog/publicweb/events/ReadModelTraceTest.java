package org.imagingcatalog.publicweb.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.imagingcatalog.kit.tracing.SpanAttributes;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.publicweb.support.Entries;
import org.imagingcatalog.testsupport.tracing.FinishedSpans;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The read model's update of an entry continues the trace of the curator's change that published it. */
@QuarkusTest
class ReadModelTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theUpdateOfTheReadModelIsAChildOfThePublishedRecordsSpan() {
        String id = Entries.unique("traced");
        Resource resource = Entries.resource(id, "Traced entry", "YNNNYU", "published with a trace", List.of("t"));
        String decisionTrace = IdGenerator.random().generateTraceId();
        String relaySpan = IdGenerator.random().generateSpanId();

        publish(EntryVersionPublished.of(id, 1, ResourceStatus.ACTIVE, resource, List.of("name"), "added to the catalog",
                null, null, Instant.parse("2024-01-01T00:00:00Z")), "00-" + decisionTrace + "-" + relaySpan + "-01");
        Entries.awaitVersion(id, 1);

        SpanData update = FinishedSpans.await(spans, "the read model's update",
                s -> s.getTraceId().equals(decisionTrace) && s.getKind() == SpanKind.CONSUMER);
        assertThat(update.getParentSpanId()).as("a child of the relay's span").isEqualTo(relaySpan);
        assertThat(update.getName()).isEqualTo("process " + Topics.ENTRIES);
        assertThat(update.getAttributes().get(SpanAttributes.RESOURCE_ID)).isEqualTo(id);
        assertThat(update.getStatus().getStatusCode()).isNotEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
    }

    /** As curation's relay sends an entry: with the trace context of its send. */
    private static void publish(EntryVersionPublished event, String traceparent) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ENTRIES, event.key(), EventJson.write(event));
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + event.resourceId(), e);
        }
    }
}
