package org.imagingcatalog.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.imagingcatalog.model.Topics;
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
}
