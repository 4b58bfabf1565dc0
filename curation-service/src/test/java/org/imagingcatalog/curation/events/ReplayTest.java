package org.imagingcatalog.curation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReplayTest {

    @Test
    void replayingTheWholeSubmissionsTopicChangesNothing() throws Exception {
        // some history first: one accepted, one rejected, one waiting
        String accepted = CurationApi.createResource("replay");
        SubmissionReceived rejected = Submissions.send(SubmissionKind.NEW, null,
                CurationApi.sample(Submissions.uniqueId("replay-rej")), null);
        SubmissionReceived waiting = Submissions.send(SubmissionKind.CORRECTION, accepted,
                CurationApi.sample(accepted), "a correction");
        awaitQueued(rejected.submissionId());
        awaitQueued(waiting.submissionId());
        asCurator().body(Map.of("outcome", "REJECT", "message", "out of scope"))
                .post("/api/v1/submissions/{id}/decision", rejected.submissionId()).then().statusCode(200);
        awaitConsumerCaughtUp();

        String queueBefore = queueState();
        String versionsBefore = asCurator().get("/api/v1/resources/{id}/versions", accepted).asString();

        String bootstrap = EmbeddedKafka.shared().bootstrapServers();
        List<ConsumerRecord<String, String>> everything = TopicReader.readUntil(bootstrap, Topics.SUBMISSIONS,
                records -> false, Duration.ofSeconds(2));
        assertThat(everything).hasSizeGreaterThanOrEqualTo(3);
        for (ConsumerRecord<String, String> record : everything) {
            TopicReader.send(bootstrap, Topics.SUBMISSIONS, record.key(), record.value());
        }
        awaitConsumerCaughtUp();

        assertThat(queueState()).isEqualTo(queueBefore);
        assertThat(asCurator().get("/api/v1/resources/{id}/versions", accepted).asString()).isEqualTo(versionsBefore);
    }

    private static String queueState() {
        List<Map<String, Object>> items = asCurator().get("/api/v1/queue").then().statusCode(200).extract().jsonPath()
                .getList("items");
        return items.stream().map(i -> i.get("submissionId") + ":" + i.get("status") + ":" + i.get("resultingVersion"))
                .sorted().collect(Collectors.joining("\n"));
    }

    /** Waits until the service's consumer group committed every record of the submissions topic. */
    private static void awaitConsumerCaughtUp() {
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
