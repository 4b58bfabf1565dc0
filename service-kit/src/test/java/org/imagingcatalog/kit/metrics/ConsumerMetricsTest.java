package org.imagingcatalog.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** A lag gauge per assigned partition, taken from the consumer after a poll, and gone when the partition goes. */
class ConsumerMetricsTest {

    private static final String TOPIC = "catalog.test.v1";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final ConsumerMetrics metrics = new ConsumerMetrics(registry, TOPIC, "test-group");
    private final TopicPartition p0 = new TopicPartition(TOPIC, 0);
    private final TopicPartition p1 = new TopicPartition(TOPIC, 1);

    @Test
    void lagPerAssignedPartitionAfterEachPoll() {
        consumer.assign(List.of(p0, p1));
        consumer.updateBeginningOffsets(Map.of(p0, 0L, p1, 0L));
        consumer.updateEndOffsets(Map.of(p0, 7L, p1, 2L));
        consumer.seek(p0, 3);
        consumer.seek(p1, 2);
        metrics.assigned(List.of(p0, p1));
        assertThat(lag(0)).as("unknown before the first poll").isNaN();

        metrics.polled(consumer);
        assertThat(lag(0)).isEqualTo(4);
        assertThat(lag(1)).isZero();

        metrics.revoked(List.of(p0));
        assertThat(registry.find("catalog.consumer.lag.records").tag("partition", "0").gauge()).isNull();
        metrics.close();
        assertThat(registry.find("catalog.consumer.lag.records").gauges()).isEmpty();
    }

    @Test
    void countsTheRecordsTheHandlerTook() {
        metrics.handled(3);
        metrics.handled(2);
        assertThat(registry.get("catalog.consumer.records").tag("topic", TOPIC).tag("group", "test-group").counter().count())
                .isEqualTo(5);
    }

    private double lag(int partition) {
        Gauge gauge = registry.get("catalog.consumer.lag.records").tag("partition", Integer.toString(partition)).gauge();
        return gauge.value();
    }
}
