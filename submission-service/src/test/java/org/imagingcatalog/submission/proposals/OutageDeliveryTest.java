package org.imagingcatalog.submission.proposals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** With the broker down submissions are still accepted; once it is back each event arrives exactly once. */
@QuarkusTest
class OutageDeliveryTest {

    private static final int SUBMISSIONS = 100;

    @Inject
    DataSource dataSource;

    @Test
    void submissionsAcceptedDuringAnOutageArriveExactlyOnceAfterIt() {
        EmbeddedKafka broker = EmbeddedKafka.shared();
        Db db = new Db(dataSource);
        long storedBefore = db.submissions();
        Set<String> ids = new HashSet<>();

        broker.stop();
        try {
            for (int i = 0; i < SUBMISSIONS; i++) {
                String id = given().contentType(ContentType.JSON)
                        .body(Proposals.newResourceJson("Outage proposal " + i, null, null))
                        .when().post("/api/v1/submissions")
                        .then().statusCode(202).extract().path("id");
                ids.add(id);
            }
            assertThat(db.submissions()).isEqualTo(storedBefore + SUBMISSIONS);
            assertThat(db.count("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL"))
                    .as("every event waits in the outbox while the broker is down")
                    .isGreaterThanOrEqualTo(SUBMISSIONS);
        } finally {
            broker.start();
        }

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(broker.bootstrapServers(), Topics.SUBMISSIONS,
                rs -> rs.stream().map(ConsumerRecord::key).filter(ids::contains).distinct().count() == SUBMISSIONS,
                Duration.ofSeconds(90));

        List<ConsumerRecord<String, String>> ours = new ArrayList<>(records.stream().filter(r -> ids.contains(r.key())).toList());
        Map<String, Long> perSubmission = ours.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(perSubmission.keySet()).as("every submission's event arrived").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ours).as("and each exactly once").hasSize(SUBMISSIONS);
        assertThat(perSubmission.values()).allMatch(count -> count == 1);
        assertThat(ours.stream().map(r -> r.value().contains("\"submissionId\":\"" + r.key() + "\""))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .containsOnlyKeys(true);
        assertThat(db.count("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL")).isZero();
    }
}
