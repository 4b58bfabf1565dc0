package org.imagingcatalog.kit.metrics;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * What one consumer loop reports: its lag per assigned partition and the records its handler took.
 * <p>
 * The lag is the consumer's own {@code currentLag}: the partition's high watermark from the last fetch minus the
 * consumer's position, known without asking the broker. It is taken on the consumer thread after each poll (a
 * KafkaConsumer must not be touched by another thread) and kept for the scrape; a gauge exists only while its
 * partition is assigned here, so the replicas of a group together report each partition once. Micrometer's
 * {@code KafkaClientMetrics} binder would give the client's {@code records-lag} too, but the loop replaces its
 * KafkaConsumer on every restart (a rebuild), so the binder would have to be closed and bound anew each time; it
 * finds partition metrics only on its own refresh schedule; and it exports a hundred series per client that nothing
 * here reads.
 * <p>
 * The meters go to Micrometer's global registry, the root registry of Quarkus, because the loop is plain Java that
 * services create themselves.
 */
public final class ConsumerMetrics implements AutoCloseable {

    private final MeterRegistry registry;
    private final String topic;
    private final String group;
    private final Map<Integer, Long> lags = new ConcurrentHashMap<>();
    private final Map<Integer, Gauge> gauges = new ConcurrentHashMap<>();
    private final Counter records;

    public ConsumerMetrics(String topic, String group) {
        this(Metrics.globalRegistry, topic, group);
    }

    ConsumerMetrics(MeterRegistry registry, String topic, String group) {
        this.registry = registry;
        this.topic = topic;
        this.group = group;
        this.records = Counter.builder("catalog.consumer.records").tag("topic", topic).tag("group", group)
                .description("Records the consumer's handler took without failing").register(registry);
    }

    public void assigned(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            gauges.computeIfAbsent(partition.partition(), number -> Gauge
                    .builder("catalog.consumer.lag.records", lags, kept -> {
                        Long lag = kept.get(number);
                        return lag == null ? Double.NaN : lag;
                    })
                    .tag("topic", topic).tag("group", group).tag("partition", Integer.toString(number))
                    .description("Records of the partition not yet consumed by this group (NaN before the first fetch)")
                    .strongReference(true).register(registry));
        }
    }

    public void revoked(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            forget(partition.partition());
        }
    }

    /** On the consumer thread, right after a poll. */
    public void polled(Consumer<String, String> consumer) {
        for (TopicPartition partition : consumer.assignment()) {
            consumer.currentLag(partition).ifPresent(lag -> lags.put(partition.partition(), lag));
        }
    }

    public void handled(int count) {
        records.increment(count);
    }

    @Override
    public void close() {
        gauges.keySet().forEach(this::forget);
    }

    private void forget(int partition) {
        Gauge gauge = gauges.remove(partition);
        if (gauge != null) {
            registry.remove(gauge);
        }
        lags.remove(partition);
    }
}
