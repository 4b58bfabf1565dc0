package org.imagingcatalog.curation.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class BrokerOutageTest {

    @Inject
    Outbox outbox;

    @Test
    void withTheBrokerDownAnEditStillCommitsAndIsPublishedOnceTheBrokerIsBack() {
        String id = CurationApi.createResource("outage");
        Submissions.await("an empty outbox", Duration.ofSeconds(20), () -> outbox.pending() == 0);

        EmbeddedKafka broker = EmbeddedKafka.shared();
        broker.stop();
        try {
            long started = System.nanoTime();
            asCurator().header("If-Match", "\"1\"").body(Map.of("name", "Edited during the outage", "reason", "renamed"))
                    .put("/api/v1/resources/{id}", id).then().statusCode(200).body("version", equalTo(2));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            asCurator().get("/api/v1/resources/{id}", id).then().body("snapshot.name", equalTo("Edited during the outage"));
            assertThat(outbox.pending()).isGreaterThanOrEqualTo(1);
        } finally {
            broker.start();
        }

        List<ConsumerRecord<String, String>> entries = TopicReader.readUntil(broker.bootstrapServers(), Topics.ENTRIES,
                records -> records.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(60))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertThat(entries).hasSize(2);
        EntryVersionPublished v2 = EventJson.read(entries.get(1).value(), EntryVersionPublished.class);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.snapshot().name()).isEqualTo("Edited during the outage");
        Submissions.await("the outbox to drain", Duration.ofSeconds(30), () -> outbox.pending() == 0);
    }
}
