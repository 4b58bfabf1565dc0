package org.imagingcatalog.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.outbox.EventSender.Acknowledged;
import org.imagingcatalog.model.outbox.EventSender.OutgoingMessage;
import org.imagingcatalog.model.outbox.KafkaEventSender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox's Kafka sender against a real broker, including the broker going away and coming back. */
class KafkaEventSenderTest {

    private static EmbeddedKafka broker;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.create();
        broker.start();
        broker.createContractTopics();
    }

    @AfterAll
    static void close() {
        broker.close();
    }

    @Test
    void returnsOnlyOnceTheBrokerHoldsTheRecordAndFailsFastWhileItIsDown() throws Exception {
        try (KafkaEventSender sender = new KafkaEventSender(broker.bootstrapServers(), "sender-test")) {
            sender.send(Topics.SUBMISSIONS, "a", "first");
            assertThat(TopicReader.readUntil(broker.bootstrapServers(), Topics.SUBMISSIONS, r -> r.size() >= 1,
                    Duration.ofSeconds(20))).extracting(r -> r.value()).containsExactly("first");

            broker.stop();
            Instant before = Instant.now();
            assertThatThrownBy(() -> sender.send(Topics.SUBMISSIONS, "b", "during the outage")).isInstanceOf(Exception.class);
            assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(20));

            broker.start();
            sender.send(Topics.SUBMISSIONS, "b", "after the outage");
            assertThat(TopicReader.readUntil(broker.bootstrapServers(), Topics.SUBMISSIONS, r -> r.size() >= 2,
                    Duration.ofSeconds(20))).extracting(r -> r.value()).containsExactly("first", "after the outage");
        }
    }

    @Test
    void aBatchInFlightArrivesCompleteAndInOrderOrReportsWhereItStopped() throws Exception {
        List<OutgoingMessage> batch = IntStream.range(0, 500)
                .mapToObj(i -> new OutgoingMessage(i, Topics.DECISIONS, "same-key", "decision " + i)).toList();
        try (KafkaEventSender sender = new KafkaEventSender(broker.bootstrapServers(), "batch-test")) {
            Acknowledged delivered = sender.sendAll(batch);
            assertThat(delivered.count()).isEqualTo(500);
            assertThat(delivered.failure()).isNull();
            assertThat(TopicReader.readUntil(broker.bootstrapServers(), Topics.DECISIONS, r -> r.size() >= 500,
                    Duration.ofSeconds(30))).extracting(r -> r.value())
                    .containsExactlyElementsOf(batch.stream().map(OutgoingMessage::payload).toList());

            broker.stop();
            try {
                Acknowledged refused = sender.sendAll(batch.subList(0, 10));
                assertThat(refused.count()).isZero();
                assertThat(refused.failure()).isNotNull();
            } finally {
                broker.start();
            }
        }
    }
}
