package org.imagingcatalog.submission.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.imagingcatalog.kit.tracing.SpanAttributes;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.submission.support.Await;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.testsupport.tracing.FinishedSpans;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * One trace from the contributor's request to the record curation reads: the outbox row keeps the request's context,
 * the relay's PRODUCER span is its child, and the record's header carries that span on. A decision's record continues
 * its own trace into the handling that applies it.
 */
@QuarkusTest
class ProposalTraceTest {

    @Inject
    DataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theRequestTheOutboxRowAndTheRecordAreOneTrace() {
        String id = given().contentType(ContentType.JSON)
                .body(Proposals.newResourceJson("Traced proposal", Proposals.uniqueSlug("traced"), Proposals.EMAIL))
                .when().post("/api/v1/submissions").then().statusCode(202).extract().path("id");

        String[] stored = new Db(dataSource).string("SELECT traceparent FROM outbox_message WHERE message_key = '" + id
                + "' AND topic = '" + Topics.SUBMISSIONS + "'").split("-");
        SpanData request = FinishedSpans.await(spans, "the request's span", s -> s.getSpanId().equals(stored[2]));
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getTraceId()).isEqualTo(stored[1]);
        assertThat(request.getAttributes().get(SpanAttributes.SUBMISSION_ID)).isEqualTo(id);

        String[] carried = traceparent(onlyRecordFor(id)).split("-");
        assertThat(carried[1]).as("the record's trace").isEqualTo(request.getTraceId());
        SpanData send = FinishedSpans.await(spans, "the relay's span", s -> s.getSpanId().equals(carried[2]));
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getName()).isEqualTo("send " + Topics.SUBMISSIONS);
        assertThat(send.getTraceId()).isEqualTo(request.getTraceId());
        assertThat(send.getParentSpanId()).as("the relay continues the stored context").isEqualTo(request.getSpanId());
        assertThat(send.getAttributes().get(SpanAttributes.SUBMISSION_ID)).isEqualTo(id);
    }

    @Test
    void aDecisionIsAppliedInsideTheSpanThatContinuesItsTrace() {
        JsonPath accepted = given().contentType(ContentType.JSON)
                .body(Proposals.newResourceJson("Traced decision", null, Proposals.EMAIL))
                .when().post("/api/v1/submissions").then().statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(accepted.getString("id"));
        String token = accepted.getString("trackingUrl").replaceAll(".*/track/", "");
        String decisionTrace = IdGenerator.random().generateTraceId();
        String decisionSpan = IdGenerator.random().generateSpanId();

        sendDecision(SubmissionDecided.of(id, DecisionOutcome.REJECT, "Out of scope.", null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS)), "00-" + decisionTrace + "-" + decisionSpan + "-01");

        Await.until("the decision to be applied", Duration.ofSeconds(30), () -> "REJECTED".equals(
                given().get("/api/v1/submissions/" + token).then().extract().path("status")));
        SpanData applied = FinishedSpans.await(spans, "the decision's handling",
                s -> s.getTraceId().equals(decisionTrace) && s.getKind() == SpanKind.CONSUMER);
        assertThat(applied.getParentSpanId()).isEqualTo(decisionSpan);
        assertThat(applied.getName()).isEqualTo("process " + Topics.DECISIONS);
        assertThat(applied.getAttributes().get(SpanAttributes.SUBMISSION_ID)).isEqualTo(id.toString());
    }

    private static ConsumerRecord<String, String> onlyRecordFor(String submissionId) {
        List<ConsumerRecord<String, String>> mine = TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(),
                Topics.SUBMISSIONS, rs -> rs.stream().anyMatch(r -> submissionId.equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> submissionId.equals(r.key())).toList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("the record's traceparent header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** As curation's relay sends it: the decision's record with the decision's trace context. */
    private static void sendDecision(SubmissionDecided decision, String traceparent) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(java.util.Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.shared().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.DECISIONS, decision.key(),
                    EventJson.write(decision));
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send the decision", e);
        }
    }
}
