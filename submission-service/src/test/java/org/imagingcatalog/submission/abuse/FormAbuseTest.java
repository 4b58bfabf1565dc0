package org.imagingcatalog.submission.abuse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.submission.support.Await;
import org.imagingcatalog.submission.support.Db;
import org.imagingcatalog.submission.support.HtmlForm;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** Bad input through the HTML forms and oversized bodies: the right status, a clear message, nothing stored. */
@QuarkusTest
class FormAbuseTest {

    private static final String SCRIPT = "<script>alert('x')</script>";

    @Inject
    DataSource dataSource;

    private Db db;
    private String before;

    @BeforeEach
    void countRows() {
        db = new Db(dataSource);
        before = db.snapshot();
    }

    @Test
    void formErrorsAreShownNextToEachFieldWithTheInputKept() {
        Map<String, String> fields = Proposals.newResourceForm("");
        fields.put("id", "Bad Id");
        fields.put("url", "not a url");
        fields.put("ct", "X");
        fields.put("access", "FREE");
        fields.put("patients", "many");
        fields.put("formats", "PNG, png");
        fields.put("license", "l".repeat(101));
        fields.put("submitterEmail", "nope");
        fields.put("comment", "c".repeat(5001));

        Response page = HtmlForm.open("/new").post("/new", fields);

        page.then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("need fixing before this can be sent"))
                // the summary links to each field
                .body(containsString("<a href=\"#name\">Name is required.</a>"))
                .body(containsString("<a href=\"#url\">"))
                .body(containsString("<a href=\"#ct\">"))
                // each error sits next to its field and is tied to it
                .body(containsString("id=\"name-error\""))
                .body(containsString("aria-describedby=\"url-help url-error\""))
                .body(containsString("id=\"id-error\""))
                .body(containsString("id=\"ct-error\""))
                .body(containsString("id=\"access-error\""))
                .body(containsString("id=\"patients-error\""))
                .body(containsString("id=\"formats-error\""))
                .body(containsString("id=\"license-error\""))
                .body(containsString("id=\"submitterEmail-error\""))
                .body(containsString("id=\"comment-error\""))
                // what the contributor typed is kept
                .body(containsString("value=\"not a url\""))
                .body(containsString("value=\"Bad Id\""))
                .body(containsString("value=\"many\""))
                .body(containsString("value=\"nope\""))
                .body(containsString("value=\"PNG, png\""));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void scriptTagsInEveryTextFieldAreShownEscaped() {
        Map<String, String> fields = Proposals.newResourceForm(SCRIPT);
        for (String field : new String[] {"id", "url", "description", "provider", "license", "formats", "annotations",
                "tags", "patients", "images", "studies", "comment", "submitterName", "submitterEmail"}) {
            fields.put(field, SCRIPT);
        }
        Response page = HtmlForm.open("/new").post("/new", fields);

        page.then().statusCode(400)
                .body(not(containsString("<script>")))
                .body(containsString("value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\""))
                .body(containsString(">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</textarea>"));
        assertThat(db.snapshot()).isEqualTo(before);

        // text fields that accept any text store it as text and show it escaped
        Map<String, String> valid = Proposals.newResourceForm(SCRIPT);
        valid.put("description", SCRIPT);
        valid.put("provider", SCRIPT);
        valid.put("comment", SCRIPT);
        valid.put("submitterName", SCRIPT);
        Response confirmation = HtmlForm.open("/new").post("/new", valid);
        confirmation.then().statusCode(303);
        given().cookies(confirmation.getCookies()).when().get("/track/" + HtmlForm.trackingToken(confirmation.header("Location")))
                .then().statusCode(200)
                .body(not(containsString("<script>")))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    @Test
    void everyFormRefusesAPostWithoutItsCsrfToken() {
        String id = publishedResource();
        for (String path : new String[] {"/new", "/correct/" + id, "/withdraw/" + id}) {
            Map<String, String> fields = Proposals.newResourceForm("No token");
            fields.put("id", id);
            fields.put("comment", "A reason.");
            HtmlForm.open(path).postWithoutToken(path, fields).then().statusCode(400)
                    .contentType(containsString("text/html"))
                    .body(containsString("without a valid security token"))
                    .body(containsString("Nothing was stored"));
            // no cookie and no token at all (a cross-site post)
            given().contentType(ContentType.URLENC).formParams(fields).when().post(path).then().statusCode(400)
                    .body(containsString("without a valid security token"));
        }
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aFilledHoneypotStoresNothingAndSaysLittle() {
        String id = publishedResource();
        for (String path : new String[] {"/new", "/correct/" + id, "/withdraw/" + id}) {
            Map<String, String> fields = Proposals.newResourceForm("Bot");
            fields.put("id", id);
            fields.put("comment", "A reason.");
            fields.put("website", "https://spam.example");
            HtmlForm.open(path).post(path, fields).then().statusCode(400)
                    .body(containsString("This submission could not be accepted"))
                    .body(not(containsString("website")));
        }
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void bodiesOver64KiBAre413WithAClearMessage() {
        String big = "x".repeat(70 * 1024);
        given().contentType(ContentType.JSON).body("{\"kind\":\"NEW\",\"comment\":\"" + big + "\"}")
                .when().post("/api/v1/submissions")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("at most 65536 bytes (64 KiB)"));
        HtmlForm form = HtmlForm.open("/new");
        Map<String, String> fields = Proposals.newResourceForm("Big");
        fields.put("description", big);
        form.post("/new", fields).then().statusCode(413).contentType(containsString("text/html"))
                .body(containsString("at most 65536 bytes (64 KiB)"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aWithdrawalNeedsAReason() {
        String id = publishedResource();
        HtmlForm.open("/withdraw/" + id).post("/withdraw/" + id, Map.of("comment", " ", "submitterEmail", "bad"))
                .then().statusCode(400)
                .body(containsString("id=\"comment-error\">Give the reason for the withdrawal."))
                .body(containsString("id=\"submitterEmail-error\""))
                .body(containsString("value=\"bad\""));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    private String publishedResource() {
        String id = Proposals.uniqueSlug("abuse");
        Resource snapshot = new Resource(id, "Abuse target", "https://example.org/" + id, null, null,
                Modalities.unknown(), Availability.U, Availability.U, null, Access.OPEN, null, Counts.none(), null, null,
                1, ResourceStatus.ACTIVE);
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.ENTRIES, id, EventJson.write(
                EntryVersionPublished.of(id, 1, ResourceStatus.ACTIVE, snapshot, java.util.List.of(), "first", null, null,
                        java.time.Instant.now())));
        Await.until("the entry to arrive", Duration.ofSeconds(30), () -> given().get("/correct/" + id).statusCode() == 200);
        return id;
    }
}
