package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.imagingcatalog.systemtest.OtlpReceiver.ReceivedSpan;
import org.imagingcatalog.testsupport.Quietly;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One proposal followed across the three real processes by its traces, as a collector receives them (OTLP/HTTP, the
 * services configured as in production but for the endpoint): the contributor's request, the outbox's send and
 * curation's intake are one trace; the curator's decision is another, linked to the intake, that goes on through the
 * entry's send to public-web's read-model update. The JSON log lines written on the way carry their trace's id.
 * A stack of its own (broker, PostgreSQL, the three jars), so that no other test's traffic or settings mix in.
 */
class TraceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void aProposalIsOneTraceUpToTheQueueAndItsDecisionALinkedOneUpToThePublicCatalog() throws Exception {
        Path root = Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize();
        try (OtlpReceiver collector = OtlpReceiver.start();
                PrivatePostgres postgres = PrivatePostgres.start(root.resolve("deploy/system-tests/target/trace-postgres"));
                EmbeddedKafka kafka = EmbeddedKafka.create()) {
            kafka.start();
            kafka.createContractTopics();
            CatalogStack stack = CatalogStack.createPrivate("trace", kafka, postgres);
            for (ServiceProcess service : List.of(stack.submission, stack.curation, stack.publicWeb)) {
                service.env("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint())
                        .env("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf")
                        .env("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "1")
                        .env("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms")
                        .env("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
            }
            try {
                stack.startAllTogether();
                followOneProposal(stack, collector);
            } finally {
                stack.stop();
            }
        }
    }

    private static void followOneProposal(CatalogStack stack, OtlpReceiver collector) throws IOException {
        String resourceId = "traced-" + Long.toHexString(System.nanoTime());
        Http.Reply received = Http.postJson(stack.submission.url() + "/api/v1/submissions",
                FaultSubmissions.newResource(resourceId, "traced"));
        assertThat(received.status()).as(received.body()).isEqualTo(202);
        String submissionId = received.json().path("id").asText();
        String[] curator = {"Authorization", Http.bearer(stack.token("curator", "curator"))};
        Http.await(stack.curation.url() + "/api/v1/submissions/" + submissionId, r -> r.status() == 200, WAIT, curator);

        // the proposal: request -> outbox send -> intake, one trace
        ReceivedSpan request = await(collector, "the contributor's request", s -> s.kind() == OtlpReceiver.SERVER
                && "submission-service".equals(s.service()) && submissionId.equals(s.attributes().get("catalog.submission.id")));
        String proposal = request.traceId();
        ReceivedSpan sent = await(collector, "the submission's send", s -> s.kind() == OtlpReceiver.PRODUCER
                && proposal.equals(s.traceId()) && request.spanId().equals(s.parentSpanId()));
        assertThat(sent.service()).isEqualTo("submission-service");
        ReceivedSpan intake = await(collector, "curation's intake", s -> s.kind() == OtlpReceiver.CONSUMER
                && proposal.equals(s.traceId()) && sent.spanId().equals(s.parentSpanId()));
        assertThat(intake.service()).isEqualTo("curation-service");
        assertThat(intake.attributes()).containsEntry("catalog.submission.id", submissionId);

        // the decision: its own trace, linked to the intake -> the entry's send -> public-web's read model
        Http.Reply decided = Http.postJson(stack.curation.url() + "/api/v1/submissions/" + submissionId + "/decision",
                Map.of("outcome", "ACCEPT", "message", "Accepted by the trace test."), curator);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        Http.await(stack.publicWeb.url() + "/api/v1/resources/" + resourceId, r -> r.status() == 200, WAIT);
        ReceivedSpan decision = await(collector, "the curator's decision", s -> s.kind() == OtlpReceiver.SERVER
                && "curation-service".equals(s.service()) && submissionId.equals(s.attributes().get("catalog.submission.id")));
        assertThat(decision.traceId()).as("the decision is a trace of its own").isNotEqualTo(proposal);
        assertThat(decision.links()).as("linked to the proposal's intake")
                .contains(new OtlpReceiver.Link(proposal, intake.spanId()));
        ReceivedSpan published = await(collector, "the entry's send", s -> s.kind() == OtlpReceiver.PRODUCER
                && decision.traceId().equals(s.traceId()) && decision.spanId().equals(s.parentSpanId())
                && s.name().endsWith("catalog.entries.v1"));
        assertThat(published.attributes()).containsEntry("catalog.resource.id", resourceId);
        ReceivedSpan readModel = await(collector, "public-web's read-model update", s -> s.kind() == OtlpReceiver.CONSUMER
                && decision.traceId().equals(s.traceId()) && published.spanId().equals(s.parentSpanId()));
        assertThat(readModel.service()).isEqualTo("public-web");
        assertThat(readModel.attributes()).containsEntry("catalog.resource.id", resourceId);

        // what an operator greps: the JSON log lines of the proposal carry its trace id
        assertThat(traceIdOfLine(stack.submission.log(), "stored NEW submission " + submissionId)).isEqualTo(proposal);
        assertThat(traceIdOfLine(stack.curation.log(), "queued NEW submission " + submissionId)).isEqualTo(proposal);
    }

    private static ReceivedSpan await(OtlpReceiver collector, String what, Predicate<ReceivedSpan> matching) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            for (ReceivedSpan span : collector.spans()) {
                if (matching.test(span)) {
                    return span;
                }
            }
            Quietly.sleep(200);
        }
        throw new AssertionError("the collector received no span for " + what + "; it received " + collector.spans());
    }

    /** The trace id of the JSON log line whose message contains {@code text}. */
    private static String traceIdOfLine(Path log, String text) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        do {
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("{") && line.contains(text)) {
                    JsonNode json = Http.JSON.readTree(line);
                    JsonNode traceId = json.findValue("traceId");
                    assertThat(traceId).as("a traceId field in %s", line).isNotNull();
                    return traceId.asText();
                }
            }
            Quietly.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("no JSON log line of " + log.getFileName() + " says \"" + text + "\"");
    }
}
