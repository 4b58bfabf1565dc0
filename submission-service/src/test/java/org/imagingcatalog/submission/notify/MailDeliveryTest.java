package org.imagingcatalog.submission.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.submission.support.Await;
import org.imagingcatalog.submission.support.Catalog;
import org.imagingcatalog.submission.support.ConsumerLag;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.submission.support.TestSmtp;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** Decision mails go through a durable queue to a real SMTP server: once each, to their submitter only, never lost. */
@QuarkusTest
class MailDeliveryTest {

    private static final String GROUP = "submission-service-decisions";

    @Inject
    DataSource dataSource;

    @Test
    void theDecisionMailReachesItsSubmitterOnlyWithTheMessageAndTheTrackingLink() throws InterruptedException {
        String ada = "ada-" + UUID.randomUUID() + "@example.org";
        String bob = "bob-" + UUID.randomUUID() + "@example.org";
        JsonPath adas = submit("Ada's proposal", ada);
        JsonPath bobs = submit("Bob's proposal", bob);

        String message = "Please add the licence <and> its source.";
        String decision = Catalog.decide(id(adas), DecisionOutcome.REQUEST_CHANGES, message, null, null);
        Catalog.decide(id(bobs), DecisionOutcome.REJECT, "Not imaging data.", null, null);

        TestSmtp.Received mail = TestSmtp.shared().awaitTo(ada, 1, Duration.ofSeconds(30)).get(0);
        assertThat(mail.recipients()).as("addressed to Ada alone").containsExactly(ada);
        assertThat(mail.subject()).isEqualTo("Imaging Data Catalog: your submission is waiting for changes");
        assertThat(mail.body()).contains(message)
                .contains(adas.getString("trackingUrl"))
                .doesNotContain(bob).doesNotContain(bobs.getString("trackingUrl"));
        TestSmtp.Received bobsMail = TestSmtp.shared().awaitTo(bob, 1, Duration.ofSeconds(30)).get(0);
        assertThat(bobsMail.recipients()).containsExactly(bob);
        assertThat(bobsMail.body()).doesNotContain(ada).doesNotContain(adas.getString("trackingUrl"));
        assertThat(TestSmtp.shared().matching(m -> m.body().contains(adas.getString("trackingUrl"))))
                .as("no other address receives Ada's mail").allMatch(m -> m.recipients().equals(List.of(ada)));

        // the same decision replayed: nothing is sent twice
        Catalog.send(id(adas), decision);
        ConsumerLag.awaitCaughtUp(GROUP, Topics.DECISIONS, Duration.ofSeconds(30));
        Thread.sleep(3000);
        assertThat(TestSmtp.shared().to(ada)).hasSize(1);
        assertThat(new Db(dataSource).count("SELECT count(*) FROM outgoing_mail WHERE submission_id = '" + id(adas) + "'"))
                .isEqualTo(1);
    }

    @Test
    void anSmtpOutageDelaysTheMailButNeverLosesItNorBlocksDecisions() throws InterruptedException {
        String carol = "carol-" + UUID.randomUUID() + "@example.org";
        JsonPath carols = submit("Carol's proposal", carol);
        String token = Catalog.token(carols.getString("trackingUrl"));
        TestSmtp smtp = TestSmtp.shared();

        smtp.stop();
        try {
            Instant sent = Instant.now();
            Catalog.decide(id(carols), DecisionOutcome.ACCEPT, "Added, thank you.", Proposals.uniqueSlug("carol"), 1);
            Await.until("the decision, with the SMTP server down", Duration.ofSeconds(15),
                    () -> "ACCEPTED".equals(given().get("/api/v1/submissions/" + token).then().extract().path("status")));
            assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(15));
            Await.until("a failed attempt", Duration.ofSeconds(20), () -> new Db(dataSource).count(
                    "SELECT count(*) FROM outgoing_mail WHERE submission_id = '" + id(carols)
                            + "' AND attempts > 0 AND sent_at IS NULL AND last_error IS NOT NULL") == 1);
            // a second decision meanwhile is not held up either
            JsonPath dave = submit("Dave's proposal", "dave-" + UUID.randomUUID() + "@example.org");
            Catalog.decide(id(dave), DecisionOutcome.REJECT, "No.", null, null);
            String daveToken = Catalog.token(dave.getString("trackingUrl"));
            Await.until("the next decision", Duration.ofSeconds(15),
                    () -> "REJECTED".equals(given().get("/api/v1/submissions/" + daveToken).then().extract().path("status")));
            assertThat(smtp.to(carol)).isEmpty();
        } finally {
            smtp.start();
        }
        List<TestSmtp.Received> mails = smtp.awaitTo(carol, 1, Duration.ofSeconds(60));
        assertThat(mails.get(0).subject()).contains("accepted");
        assertThat(mails.get(0).body()).contains("Added, thank you.").contains(carols.getString("trackingUrl"));
        Thread.sleep(3000);
        assertThat(smtp.to(carol)).hasSize(1);
        assertThat(new Db(dataSource).count("SELECT count(*) FROM outgoing_mail WHERE submission_id = '" + id(carols)
                + "' AND sent_at IS NOT NULL")).isEqualTo(1);
    }

    private static JsonPath submit(String name, String email) {
        return given().contentType(ContentType.JSON).body(Proposals.newResourceJson(name, null, email))
                .when().post("/api/v1/submissions").then().statusCode(202).extract().jsonPath();
    }

    private static UUID id(JsonPath submission) {
        return UUID.fromString(submission.getString("id"));
    }
}
