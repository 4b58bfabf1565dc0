package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 16's checks of a licence against the SPDX licence list, and of a name against the catalog's names. */
@QuarkusTest
class LicenceAndDuplicateCheckTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aSpelledLicenceAndALikelyDuplicateAreShownOnTheQueueTheApiAndTheReviewPage() {
        String word = suffix();
        String existing = accepted(resource("Thoracic imaging archive " + word, "CC-BY-4.0"));

        SubmissionReceived proposal = Submissions.send(SubmissionKind.NEW, null,
                resource("Thoracic Imaging Archive (" + word + ")", "CC BY 4.0"), "please add");
        awaitQueued(proposal.submissionId());

        List<Map<String, Object>> checks = checksOnTheQueue(proposal.submissionId());
        assertThat(checks).extracting(c -> c.get("code"), c -> c.get("severity"), c -> c.get("field"), c -> c.get("resourceId"))
                .containsExactly(tuple("LICENCE_NOT_SPDX", "INFO", "license", null),
                        tuple("LIKELY_DUPLICATE", "WARNING", "name", existing));
        assertThat(checks.get(0).get("message")).isEqualTo("The licence \"CC BY 4.0\" is not written as an SPDX id: the SPDX"
                + " licence list has it as CC-BY-4.0 (Creative Commons Attribution 4.0 International).");
        assertThat(checks.get(1).get("message")).isEqualTo("The name \"Thoracic Imaging Archive (" + word + ")\" is 100% like"
                + " that of " + existing + ", \"Thoracic imaging archive " + word + "\": it may be the same data set.");
        // the duplicates the queue listed before stay as they were
        Map<String, Object> item = queueItem(proposal.submissionId());
        assertThat((List<?>) item.get("duplicates")).hasSize(1);
        asCurator().get("/api/v1/submissions/{id}", proposal.submissionId()).then().statusCode(200)
                .body("checks.code", org.hamcrest.Matchers.equalTo(List.of("LICENCE_NOT_SPDX", "LIKELY_DUPLICATE")));

        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String review = curator.get("/review/" + proposal.submissionId()).body();
        assertThat(review).contains("The licence &quot;CC BY 4.0&quot; is not written as an SPDX id: the SPDX licence list"
                + " has it as CC-BY-4.0 (Creative Commons Attribution 4.0 International).")
                .contains("is 100% like that of " + existing + ", &quot;Thoracic imaging archive " + word
                        + "&quot;: it may be the same data set. (<a href=\"/resources/" + existing + "\">open " + existing
                        + "</a>)");

        asCurator().body(Map.of("outcome", "REJECT", "message", "Already listed as " + existing + "."))
                .post("/api/v1/submissions/{id}/decision", proposal.submissionId()).then().statusCode(200);
    }

    @Test
    void aLicenceOfNoSpdxIdWarnsAndAnSpdxExpressionOrNoLicenceIsFine() {
        SubmissionReceived unknown = Submissions.send(SubmissionKind.NEW, null,
                resource("Licence unknown " + suffix(), "see the website"), null);
        SubmissionReceived expression = Submissions.send(SubmissionKind.NEW, null,
                resource("Licence expression " + suffix(), "cc-by-4.0 OR mit"), null);
        SubmissionReceived none = Submissions.send(SubmissionKind.NEW, null, resource("Licence none " + suffix(), null), null);
        awaitQueued(unknown.submissionId());
        awaitQueued(expression.submissionId());
        awaitQueued(none.submissionId());

        assertThat(checksOnTheQueue(unknown.submissionId())).extracting(c -> c.get("code"), c -> c.get("severity"))
                .containsExactly(tuple("LICENCE_NOT_SPDX", "WARNING"));
        assertThat(checksOnTheQueue(unknown.submissionId()).get(0).get("message")).isEqualTo("The licence \"see the"
                + " website\" is no SPDX id or expression, and no licence of the SPDX licence list is written so: ask for"
                + " its SPDX id (or a LicenseRef- for a licence the list does not have).");
        assertThat(checksOnTheQueue(expression.submissionId())).isEmpty();
        assertThat(checksOnTheQueue(none.submissionId())).isEmpty();
    }

    @Test
    void aCorrectionIsCheckedForTheLicenceAndNameItBringsNotForThoseItsEntryHas() {
        String word = suffix();
        accepted(resource("Pleural effusion set " + word, "CC-BY-4.0"));
        String entry = accepted(resource("Pleural Effusion Set: " + word, "CC BY 4.0"));

        SubmissionReceived description = Submissions.sendCorrection(entry, "{\"description\": \"Chest images, reviewed.\"}", null);
        SubmissionReceived licence = Submissions.sendCorrection(entry, "{\"license\": \"Apache 2.0\"}", null);
        SubmissionReceived renamed = Submissions.sendCorrection(entry, "{\"name\": \"Pleural effusion set " + word + "!\"}", null);
        awaitQueued(description.submissionId());
        awaitQueued(licence.submissionId());
        awaitQueued(renamed.submissionId());

        assertThat(checksOnTheQueue(description.submissionId())).as("the entry's licence and name were checked before")
                .isEmpty();
        assertThat(checksOnTheQueue(licence.submissionId())).extracting(c -> c.get("code"), c -> c.get("severity"))
                .containsExactly(tuple("LICENCE_NOT_SPDX", "INFO"));
        assertThat((String) checksOnTheQueue(licence.submissionId()).get(0).get("message")).contains("has it as Apache-2.0");
        assertThat(checksOnTheQueue(renamed.submissionId())).extracting(c -> c.get("code")).containsExactly("LIKELY_DUPLICATE");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Resource resource(String name, String licence) {
        String id = Submissions.uniqueId("spdx-check");
        return new Resource(id, name, "https://data.example.org/" + id, "Chest images.", "Example University",
                new Modalities(Availability.U, Availability.Y, Availability.N, Availability.U), Availability.Y,
                Availability.N, licence, Access.OPEN, List.of("PNG"), new Counts(100L, 1000L, null), List.of(), List.of(),
                null, null);
    }

    /** Proposes the resource and accepts it: version 1 of a new entry. */
    private static String accepted(Resource resource) {
        SubmissionReceived event = Submissions.send(SubmissionKind.NEW, null, resource, null);
        awaitQueued(event.submissionId());
        asCurator().body(Map.of("outcome", "ACCEPT", "message", "welcome"))
                .post("/api/v1/submissions/{id}/decision", event.submissionId()).then().statusCode(200);
        return resource.id();
    }

    private static Map<String, Object> queueItem(UUID submission) {
        return CurationApi.allQueueItems().stream().filter(i -> submission.toString().equals(i.get("submissionId")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> checksOnTheQueue(UUID submission) {
        return (List<Map<String, Object>>) queueItem(submission).get("checks");
    }
}
