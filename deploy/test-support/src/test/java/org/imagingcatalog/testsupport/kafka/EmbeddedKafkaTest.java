package org.imagingcatalog.testsupport.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.imagingcatalog.model.Topics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaTest {

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
    void createsTheContractTopicsWithTheEntriesTopicCompacted() throws Exception {
        try (Admin admin = broker.admin()) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).containsAll(Topics.all());
            ConfigResource entries = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ENTRIES);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(entries)).all().get();
            assertThat(configs.get(entries).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void keepsRecordsAcrossAStopAndAStart() {
        TopicReader.send(broker.bootstrapServers(), Topics.DECISIONS, "k1", "before the outage");
        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();
        TopicReader.send(broker.bootstrapServers(), Topics.DECISIONS, "k2", "after the outage");

        var records = TopicReader.readUntil(broker.bootstrapServers(), Topics.DECISIONS,
                r -> r.size() >= 2, Duration.ofSeconds(30));
        assertThat(records).extracting(r -> r.value())
                .containsExactlyInAnyOrder("before the outage", "after the outage");
    }
}
