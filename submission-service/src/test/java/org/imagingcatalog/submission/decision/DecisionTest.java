package org.imagingcatalog.submission.decision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.submission.support.Await;
import org.imagingcatalog.submission.support.ConsumerLag;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.submission.support.TestSmtp;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Curators' decisions reach the tracking page, the API and the contributor's inbox, each once. */
@QuarkusTest
class DecisionTest {

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private static final String GROUP = "submission-service-decisions";

    @Test
    void aDecisionMovesTheStatusOnceAndDuplicatesOrReplaysChangeNothing() throws InterruptedException {
        String email = "decided-" + UUID.randomUUID() + "@example.org";
        JsonPath accepted = given().contentType(ContentType.JSON)
                .body(Proposals.newResourceJson("Decided proposal", null, email))
                .when().post("/api/v1/submissions").then().statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(accepted.getString("id"));
        String token = accepted.getString("trackingUrl").replaceAll(".*/track/", "");

        SubmissionDecided changes = SubmissionDecided.of(id, DecisionOutcome.REQUEST_CHANGES,
                "Please name the licence's source <b>and</b> the provider.", null, null,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        String changesJson = EventJson.write(changes);
        send(id, changesJson);
        send(id, changesJson); // delivered twice

        Await.until("the decision to be applied", Duration.ofSeconds(30),
                () -> "CHANGES_REQUESTED".equals(status(token).getString("status")));
        ConsumerLag.awaitCaughtUp(GROUP, Topics.DECISIONS, Duration.ofSeconds(30));
        JsonPath state = status(token);
        assertThat(state.getString("message")).isEqualTo("Please name the licence's source <b>and</b> the provider.");
        assertThat(state.getString("decidedAt")).isNotNull();
        given().when().get("/track/" + token).then().statusCode(200)
                .body(containsString("CHANGES_REQUESTED"))
                .body(containsString("Please name the licence&#39;s source &lt;b&gt;and&lt;/b&gt; the provider."))
                .body(not(containsString(email)));
        List<TestSmtp.Received> mails = TestSmtp.shared().awaitTo(email, 1, Duration.ofSeconds(30));
        assertThat(mails.get(0).subject()).contains("waiting for changes");
        assertThat(mails.get(0).body()).contains("Please name the licence's source <b>and</b> the provider.");

        SubmissionDecided accept = SubmissionDecided.of(id, DecisionOutcome.ACCEPT, "Added, thank you.", "lung-ct-example", 1,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        send(id, EventJson.write(accept));
        Await.until("the acceptance", Duration.ofSeconds(30), () -> "ACCEPTED".equals(status(token).getString("status")));

        send(id, changesJson); // an old event replayed after a newer decision
        send(id, EventJson.write(accept)); // and the newest one again
        ConsumerLag.awaitCaughtUp(GROUP, Topics.DECISIONS, Duration.ofSeconds(30));

        JsonPath last = status(token);
        assertThat(last.getString("status")).isEqualTo("ACCEPTED");
        assertThat(last.getString("message")).isEqualTo("Added, thank you.");
        given().when().get("/track/" + token).then().body(containsString("ACCEPTED")).body(containsString("Added, thank you."));
        List<TestSmtp.Received> both = TestSmtp.shared().awaitTo(email, 2, Duration.ofSeconds(30));
        Thread.sleep(3000); // a few rounds of the mail sender: nothing more arrives
        assertThat(TestSmtp.shared().to(email)).as("one e-mail per decision, however often it is delivered").hasSize(2);
        assertThat(both.get(1).subject()).contains("accepted");
    }

    @Test
    void aDecisionForASubmitterWithoutEmailSendsNoMail() {
        JsonPath accepted = given().contentType(ContentType.JSON)
                .body(Proposals.newResourceJson("Anonymous proposal", null, null))
                .when().post("/api/v1/submissions").then().statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(accepted.getString("id"));
        String token = accepted.getString("trackingUrl").replaceAll(".*/track/", "");

        send(id, EventJson.write(SubmissionDecided.of(id, DecisionOutcome.REJECT, "Not an imaging resource.", null, null,
                Instant.now())));

        Await.until("the rejection", Duration.ofSeconds(30), () -> "REJECTED".equals(status(token).getString("status")));
        assertThat(status(token).getString("message")).isEqualTo("Not an imaging resource.");
        assertThat(new org.imagingcatalog.submission.support.Db(dataSource)
                .count("SELECT count(*) FROM outgoing_mail WHERE submission_id = '" + id + "'")).isZero();
    }

    private static void send(UUID submissionId, String json) {
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.DECISIONS, submissionId.toString(), json);
    }

    private static JsonPath status(String token) {
        return given().when().get("/api/v1/submissions/" + token).then().statusCode(200).extract().jsonPath();
    }
}
