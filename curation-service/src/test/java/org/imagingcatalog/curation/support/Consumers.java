package org.imagingcatalog.curation.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;

/** Waits for the service's intake: a test that expects "nothing changed" first lets it read everything sent. */
public final class Consumers {

    private Consumers() {
    }

    /** Waits until the service's consumer group committed every record of the submissions topic. */
    public static void awaitCaughtUp() {
        Admin admin = EmbeddedKafka.shared().admin();
        Submissions.await("the curation-service consumer to catch up", Duration.ofSeconds(30), () -> {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("curation-service")
                    .partitionsToOffsetAndMetadata().get();
            var partitions = admin.describeTopics(List.of(Topics.SUBMISSIONS)).allTopicNames().get()
                    .get(Topics.SUBMISSIONS).partitions();
            for (var p : partitions) {
                TopicPartition tp = new TopicPartition(Topics.SUBMISSIONS, p.partition());
                long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
                OffsetAndMetadata done = committed.get(tp);
                if (end > 0 && (done == null || done.offset() < end)) {
                    return false;
                }
            }
            return true;
        });
    }
}
