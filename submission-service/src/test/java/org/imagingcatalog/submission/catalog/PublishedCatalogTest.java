package org.imagingcatalog.submission.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.submission.support.Await;
import org.imagingcatalog.submission.support.ConsumerLag;
import org.imagingcatalog.submission.support.HtmlForm;
import org.imagingcatalog.submission.support.Proposals;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The local copy of the published catalog: pre-filled corrections, unknown and withdrawn resources refused. */
@QuarkusTest
class PublishedCatalogTest {

    private static final String GROUP = "submission-service-entries";

    @Test
    void correctionFormIsPrefilledWithTheNewestPublishedVersion() {
        String id = Proposals.uniqueSlug("chest-xray");
        publish(id, 2, ResourceStatus.ACTIVE, "Chest X-ray v2");
        Await.until("the entry to arrive", Duration.ofSeconds(30),
                () -> given().get("/correct/" + id).statusCode() == 200);

        publish(id, 1, ResourceStatus.ACTIVE, "Chest X-ray v1 (older)");
        publish(id, 2, ResourceStatus.ACTIVE, "Chest X-ray v2 again (same version)");
        ConsumerLag.awaitCaughtUp(GROUP, Topics.ENTRIES, Duration.ofSeconds(30));

        given().when().get("/correct/" + id).then().statusCode(200)
                .body(containsString("Suggest a correction to “Chest X-ray v2”"))
                .body(containsString("value=\"Chest X-ray v2\""))
                .body(containsString("value=\"https://example.org/" + id + "\""))
                .body(containsString("value=\"PNG, DICOM\""))
                .body(containsString("name=\"xray\" value=\"Y\" checked"))
                .body(containsString("name=\"ct\" value=\"N\" checked"))
                .body(not(containsString("v1 (older)")));

        // a correction through the form: change the name, say why
        Map<String, String> fields = prefilledFields(id, "Chest X-ray (corrected)");
        fields.put("comment", "The provider renamed it.");
        io.restassured.response.Response posted = HtmlForm.open("/correct/" + id).post("/correct/" + id, fields);
        posted.then().statusCode(303);
        given().cookies(posted.getCookies()).when().get(posted.header("Location")).then().statusCode(200)
                .body(containsString("correction to <code>" + id + "</code>"));
    }

    /** A name longer than its column fails on every retry: it is skipped alone and the next version arrives. */
    @Test
    void anEntryTheDatabaseCannotHoldIsSkippedAndTheNextOneArrives() {
        String id = Proposals.uniqueSlug("unstorable");
        publish(id, 1, ResourceStatus.ACTIVE, "N".repeat(300));
        publish(id, 2, ResourceStatus.ACTIVE, "Storable name");
        Await.until("version 2 to arrive", Duration.ofSeconds(30), () -> given().get("/correct/" + id).statusCode() == 200);
        given().when().get("/correct/" + id).then().statusCode(200).body(containsString("value=\"Storable name\""));
    }

    @Test
    void correctionsMustChangeSomethingAndSayWhy() {
        String id = Proposals.uniqueSlug("brain-mri");
        publish(id, 1, ResourceStatus.ACTIVE, "Brain MRI");
        Await.until("the entry to arrive", Duration.ofSeconds(30), () -> given().get("/correct/" + id).statusCode() == 200);

        given().contentType(ContentType.JSON).body(correctionJson(id, "Brain MRI", null))
                .when().post("/api/v1/submissions").then().statusCode(400)
                .body("errors.field", hasItem("comment"))
                .body("errors.find { it.field == 'proposed' }.message", containsString("Nothing differs"));
        given().contentType(ContentType.JSON).body(correctionJson(id, "Brain MRI (2024 release)", "New release."))
                .when().post("/api/v1/submissions").then().statusCode(202);
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"WITHDRAWAL\",\"resourceId\":\"" + id + "\",\"comment\":\"Data taken offline.\"}")
                .when().post("/api/v1/submissions").then().statusCode(202);
    }

    @Test
    void aNewResourceCannotTakeThePublishedId() {
        String id = Proposals.uniqueSlug("taken");
        publish(id, 1, ResourceStatus.ACTIVE, "Taken");
        Await.until("the entry to arrive", Duration.ofSeconds(30), () -> given().get("/correct/" + id).statusCode() == 200);

        given().contentType(ContentType.JSON).body(Proposals.newResourceJson("Another", id, null))
                .when().post("/api/v1/submissions").then().statusCode(400)
                .body("errors.find { it.field == 'proposed.id' }.message",
                        containsString("A published resource already has the id \"" + id + "\""));
    }

    @Test
    void unknownAndWithdrawnResourcesAreRefused() {
        String unknown = Proposals.uniqueSlug("never-published");
        given().when().get("/correct/" + unknown).then().statusCode(404)
                .body(containsString("There is no published resource with id “" + unknown + "”"));
        given().when().get("/withdraw/" + unknown).then().statusCode(404);
        given().contentType(ContentType.JSON).body(correctionJson(unknown, "X", "why"))
                .when().post("/api/v1/submissions").then().statusCode(400)
                .body("errors.find { it.field == 'resourceId' }.message",
                        equalTo("There is no published resource with id \"" + unknown + "\"."));

        String withdrawn = Proposals.uniqueSlug("gone");
        publish(withdrawn, 1, ResourceStatus.ACTIVE, "Gone soon");
        publish(withdrawn, 2, ResourceStatus.WITHDRAWN, "Gone soon");
        Await.until("the withdrawal to arrive", Duration.ofSeconds(30),
                () -> given().get("/correct/" + withdrawn).statusCode() == 409);
        given().when().get("/withdraw/" + withdrawn).then().statusCode(409)
                .body(containsString("has been withdrawn from the catalog"));
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"WITHDRAWAL\",\"resourceId\":\"" + withdrawn + "\",\"comment\":\"again\"}")
                .when().post("/api/v1/submissions").then().statusCode(400)
                .body("errors.find { it.field == 'resourceId' }.message", containsString("has been withdrawn"));
        given().contentType(ContentType.JSON).body(correctionJson(withdrawn, "Gone soon (fixed)", "why"))
                .when().post("/api/v1/submissions").then().statusCode(400)
                .body("errors.find { it.field == 'resourceId' }.message", containsString("cannot be corrected"));
    }

    static void publish(String id, int version, ResourceStatus status, String name) {
        Resource snapshot = new Resource(id, name, "https://example.org/" + id, "Radiographs.", "Example Lab",
                new Modalities(Availability.N, Availability.Y, Availability.N, Availability.U), Availability.Y,
                Availability.N, "CC-BY-4.0", Access.OPEN, List.of("PNG", "DICOM"), new Counts(10L, 20L, null),
                List.of("classification"), List.of("chest"), version, status);
        EntryVersionPublished event = EntryVersionPublished.of(id, version, status, snapshot, List.of("name"),
                "test version " + version, null, null, Instant.now());
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.ENTRIES, id, EventJson.write(event));
    }

    private static Map<String, String> prefilledFields(String id, String name) {
        Map<String, String> fields = Proposals.newResourceForm(name);
        fields.put("id", id);
        return fields;
    }

    private static String correctionJson(String id, String name, String comment) {
        return """
                {"kind": "CORRECTION", "resourceId": "%s",
                 "proposed": {"name": "%s", "url": "https://example.org/%s", "description": "Radiographs.",
                   "provider": "Example Lab", "modalities": {"ct": "N", "xray": "Y", "mri": "N", "ultrasound": "U"},
                   "metadata": "Y", "caseReview": "N", "license": "CC-BY-4.0", "access": "OPEN",
                   "formats": ["PNG", "DICOM"], "counts": {"patients": 10, "images": 20, "studies": null},
                   "annotations": ["classification"], "tags": ["chest"]}%s}
                """.formatted(id, name, id, comment == null ? "" : ", \"comment\": \"" + comment + "\"");
    }
}
