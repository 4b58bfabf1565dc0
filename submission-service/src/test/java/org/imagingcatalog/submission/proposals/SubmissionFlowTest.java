package org.imagingcatalog.submission.proposals;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.imagingcatalog.submission.support.HtmlForm;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** A valid submission, by form and by API: stored once, published once, schema-valid, without the e-mail. */
@QuarkusTest
class SubmissionFlowTest {

    @Inject
    DataSource dataSource;

    @Test
    void formSubmissionIsStoredOnceAndPublishedWithoutTheEmail() throws Exception {
        Db db = new Db(dataSource);
        long before = db.submissions();
        String name = "Form proposal " + Proposals.uniqueSlug("x");

        Response confirmation = HtmlForm.open("/new").post("/new", Proposals.newResourceForm(name));

        confirmation.then().statusCode(303);
        String token = HtmlForm.trackingToken(confirmation.header("Location"));
        given().cookies(confirmation.getCookies()).when().get("/track/" + token).then().statusCode(200)
                .body(containsString("your submission was received"))
                .body(containsString("http://localhost:8081/track/" + token))
                .body(not(containsString(Proposals.EMAIL)));
        assertThat(db.submissions()).isEqualTo(before + 1);
        String id = db.string("SELECT id FROM submission WHERE tracking_token_hash = '" + TrackingTokens.hash(token) + "'");
        assertThat(db.count("SELECT count(*) FROM submission WHERE tracking_token_hash = '" + token + "'"))
                .as("the token itself is never stored").isZero();

        ConsumerRecord<String, String> event = onlyEventFor(id);
        assertPublishedEvent(event, id, name);

        given().when().get("/track/" + token).then().statusCode(200)
                .body(containsString("RECEIVED"))
                .body(containsString(name))
                .body(not(containsString(Proposals.EMAIL)));
    }

    @Test
    void apiSubmissionAnswers202WithTrackingUrlAndIsPublishedWithoutTheEmail() throws Exception {
        Db db = new Db(dataSource);
        long before = db.submissions();
        String name = "API proposal " + Proposals.uniqueSlug("x");

        Response accepted = given().contentType(ContentType.JSON)
                .body(Proposals.newResourceJson(name, Proposals.uniqueSlug("api"), Proposals.EMAIL))
                .when().post("/api/v1/submissions");

        accepted.then().statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("RECEIVED"))
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("trackingUrl", matchesPattern("http://localhost:8081/track/[A-Za-z0-9_-]{43}"));
        String id = accepted.path("id");
        String trackingUrl = accepted.path("trackingUrl");
        String token = trackingUrl.substring(trackingUrl.lastIndexOf('/') + 1);
        assertThat(db.submissions()).isEqualTo(before + 1);

        assertPublishedEvent(onlyEventFor(id), id, name);

        given().when().get("/api/v1/submissions/" + token).then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("RECEIVED"))
                .body("kind", equalTo("NEW"))
                .body(not(containsString(Proposals.EMAIL)));
        given().when().get("/api/v1/submissions/" + "A".repeat(43)).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("No submission has this tracking token"));
    }

    @Test
    void openApiDocumentsTheSubmissionsApi() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/submissions/{token}"))
                .body(containsString("SubmissionRequest"))
                .body(containsString("Problem"));
    }

    private static ConsumerRecord<String, String> onlyEventFor(String submissionId) {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(),
                Topics.SUBMISSIONS, rs -> rs.stream().anyMatch(r -> submissionId.equals(r.key())), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> submissionId.equals(r.key())).toList();
        assertThat(mine).as("exactly one event for submission " + submissionId).hasSize(1);
        return mine.get(0);
    }

    private static void assertPublishedEvent(ConsumerRecord<String, String> record, String id, String name) throws Exception {
        assertThat(EventSchemaCheck.violations(SubmissionReceived.class, record.value())).isEmpty();
        assertThat(record.value()).doesNotContain(Proposals.EMAIL).doesNotContain("@example.org").doesNotContain("email");
        Map<?, ?> event = new com.fasterxml.jackson.databind.ObjectMapper().readValue(record.value(), Map.class);
        assertThat(event.get("submissionId")).isEqualTo(id);
        assertThat(event.get("kind")).isEqualTo("NEW");
        assertThat(((Map<?, ?>) event.get("proposed")).get("name")).isEqualTo(name);
    }
}
