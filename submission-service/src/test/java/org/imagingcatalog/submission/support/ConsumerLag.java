package org.imagingcatalog.submission.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;

/** Waits until a consumer group of the service has handled everything on a topic. */
public final class ConsumerLag {

    private ConsumerLag() {
    }

    public static void awaitCaughtUp(String groupId, String topic, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = EmbeddedKafka.shared().admin()) {
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(java.util.List.of(topic)).allTopicNames()
                        .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                        .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
                if (caughtUp) {
                    return;
                }
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the lag of " + groupId, e);
        }
        throw new AssertionError(groupId + " did not catch up with " + topic + " within " + timeout);
    }
}
