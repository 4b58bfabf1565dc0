package org.imagingcatalog.curation.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** The curation API as a curator uses it, with a real Keycloak token. */
public final class CurationApi {

    private CurationApi() {
    }

    public static RequestSpecification asCurator() {
        return given().header("Authorization", Tokens.bearer(Tokens.CURATOR)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return given().header("Authorization", Tokens.bearer(Tokens.ADMIN)).contentType(ContentType.JSON);
    }

    /** How many queue items the service holds for this submission (0 or 1), over every page of the queue. */
    public static int queueItemsFor(UUID submissionId) {
        return (int) allQueueItems().stream().filter(i -> submissionId.toString().equals(i.get("submissionId"))).count();
    }

    /** Every queue item, following the queue's next links. */
    public static List<Map<String, Object>> allQueueItems() {
        List<Map<String, Object>> all = new ArrayList<>();
        String next = "/api/v1/queue?size=200";
        for (int pages = 0; next != null && pages < 1000; pages++) {
            JsonPath page = asCurator().get(next).then().statusCode(200).extract().jsonPath();
            all.addAll(page.getList("items"));
            next = page.getString("next");
        }
        return all;
    }

    public static void awaitQueued(UUID submissionId) {
        Submissions.await("submission " + submissionId + " in the queue", Duration.ofSeconds(30),
                () -> queueItemsFor(submissionId) == 1);
    }

    /** Sends a NEW submission, waits for it in the queue, accepts it: version 1 of a fresh resource. */
    public static String createResource(String prefix) {
        String id = Submissions.uniqueId(prefix);
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, Submissions.resource(id, "Collection " + id),
                "please add");
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT", "message", "welcome"))
                .post("/api/v1/submissions/{id}/decision", event.submissionId())
                .then().statusCode(200);
        return id;
    }

    public static Resource sample(String id) {
        return Submissions.resource(id, "Collection " + id);
    }
}
