package org.imagingcatalog.submission.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.submission.support.Await;
import org.imagingcatalog.submission.support.Catalog;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.HtmlForm;
import org.imagingcatalog.submission.support.Proposals;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Every form POST answers 303 to a GET page: reloading what you land on never sends the form again. */
@QuarkusTest
class PostRedirectGetTest {

    @Inject
    DataSource dataSource;

    @Test
    void aNewProposalRedirectsToItsTrackingPageWithAOneTimeThankYou() {
        Map<String, String> fields = Proposals.newResourceForm("PRG proposal " + UUID.randomUUID());
        landAndReload("/new", "/new", fields, "Thank you: your submission was received");
    }

    @Test
    void aCorrectionAndAWithdrawalRedirectToo() {
        String id = Catalog.publishedEntry("prg", "PRG entry");
        Map<String, String> correction = Catalog.prefilledForm(id, "PRG entry");
        correction.put("name", "PRG entry (renamed)");
        correction.put("comment", "Renamed.");
        landAndReload("/correct/" + id, "/correct/" + id, correction, "Thank you: your submission was received");

        landAndReload("/withdraw/" + id, "/withdraw/" + id, Map.of("comment", "Taken offline.", "website", ""),
                "Thank you: your submission was received");
    }

    @Test
    void aRevisionRedirectsToo() {
        String token = Catalog.token(given().contentType(io.restassured.http.ContentType.JSON)
                .body(Proposals.newResourceJson("PRG revision", null, null))
                .when().post("/api/v1/submissions").then().statusCode(202).extract().path("trackingUrl"));
        String id = given().get("/api/v1/submissions/" + token).then().extract().path("id");
        Catalog.decide(UUID.fromString(id), DecisionOutcome.REQUEST_CHANGES, "More detail.", null, null);
        Await.until("the request for changes", Duration.ofSeconds(30), () -> "CHANGES_REQUESTED"
                .equals(given().get("/api/v1/submissions/" + token).then().extract().path("status")));

        Map<String, String> fields = Proposals.newResourceForm("PRG revision (more detail)");
        fields.remove("submitterEmail");
        fields.remove("submitterName");
        landAndReload("/track/" + token, "/track/" + token + "/revision", fields, "Thank you: your revision was received");
    }

    private void landAndReload(String formPage, String action, Map<String, String> fields, String thanks) {
        Db db = new Db(dataSource);
        long submissions = db.submissions();
        long outbox = db.outboxRows();

        Response posted = HtmlForm.open(formPage).post(action, fields);
        posted.then().statusCode(303);
        String location = posted.header("Location");
        assertThat(location).matches("(https?://[^/]+)?/track/[A-Za-z0-9_-]{43}");
        String path = location.replaceAll("^https?://[^/]+", "");
        assertThat(db.outboxRows()).isEqualTo(outbox + 1);
        long afterPost = db.submissions();
        assertThat(afterPost).isEqualTo(submissions + (action.startsWith("/track/") ? 0 : 1));

        // the browser follows the redirect with the cookies the POST set: the thank-you shows once
        Response landed = given().cookies(posted.getCookies()).redirects().follow(false).when().get(path);
        landed.then().statusCode(200).body(containsString(thanks));

        // a reload is a GET of that page: it stores and sends nothing, and the notice is gone
        given().cookies(landed.getCookies()).when().get(path).then().statusCode(200)
                .body(not(containsString(thanks)));
        given().when().get(path).then().statusCode(200).body(not(containsString(thanks)));
        assertThat(db.submissions()).isEqualTo(afterPost);
        assertThat(db.outboxRows()).isEqualTo(outbox + 1);
    }
}
