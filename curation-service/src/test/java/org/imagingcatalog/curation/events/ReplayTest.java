package org.imagingcatalog.curation.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.curation.support.Consumers;
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
        // and one the contributor revised after "request changes": round 2 waits in the queue
        String revisedId = Submissions.uniqueId("replay-rev");
        SubmissionReceived revised = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(revisedId), null);
        awaitQueued(revised.submissionId());
        asCurator().body(Map.of("outcome", "REQUEST_CHANGES", "message", "a better name, please"))
                .post("/api/v1/submissions/{id}/decision", revised.submissionId()).then().statusCode(200);
        Submissions.sendRevision(revised, Submissions.resource(revisedId, "Better name " + revisedId), null, "renamed", 2);
        Submissions.await("revision 2 in the queue", Duration.ofSeconds(30), () -> asCurator()
                .get("/api/v1/submissions/{id}", revised.submissionId()).jsonPath().getInt("revision") == 2);
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
        return CurationApi.allQueueItems().stream()
                .map(i -> i.get("submissionId") + ":" + i.get("status") + ":" + i.get("revision") + ":" + i.get("resultingVersion"))
                .sorted().collect(Collectors.joining("\n"));
    }

    private static void awaitConsumerCaughtUp() {
        Consumers.awaitCaughtUp();
    }
}
