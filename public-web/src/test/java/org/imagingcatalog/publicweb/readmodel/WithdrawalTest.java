package org.imagingcatalog.publicweb.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Acceptance 3: a withdrawn entry leaves the list and the exports; its page stays, marked withdrawn. */
@QuarkusTest
class WithdrawalTest {

    @Test
    void withdrawalHidesTheEntryAndKeepsItsPage() {
        String word = Entries.unique("withdrawn");
        String id = Entries.unique("gone");
        String kept = Entries.unique("kept");
        Resource resource = Entries.resource(id, "Soon withdrawn " + word, "YYNNYN", "about " + word, List.of(word));
        Entries.publish(resource);
        Entries.publish(Entries.resource(kept, "Still listed " + word, "YYNNYN", "about " + word, List.of(word)));
        Entries.awaitVersion(id, 1);
        Entries.awaitVersion(kept, 1);
        assertThat(given().get("/api/v1/resources?q=" + word).jsonPath().getList("items.id")).contains(id, kept);

        Entries.publish(resource, 2, ResourceStatus.WITHDRAWN, "withdrawn", "duplicate of another entry");
        Entries.awaitVersion(id, 2);

        assertThat(given().get("/api/v1/resources?q=" + word).jsonPath().getList("items.id")).containsExactly(kept);
        assertThat(given().get("/api/v1/resources/" + id).jsonPath().getString("status")).isEqualTo("WITHDRAWN");
        assertThat(given().get("/?q=" + word).asString()).contains(kept).doesNotContain("/resources/" + id);
        for (String export : List.of("catalog.csv", "catalog.json", "catalog.tex", "catalog.bib", "catalog.jsonld",
                "catalog.ttl", "catalog.rdf")) {
            String body = given().get("/export/" + export + "?q=" + word).then().statusCode(200).extract().asString();
            assertThat(body).as(export).contains("Still listed").doesNotContain("Soon withdrawn");
        }
        String page = given().get("/resources/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("Soon withdrawn", "Withdrawn.", "duplicate of another entry", "status-WITHDRAWN");
        assertThat(given().get("/api/v1/resources/" + id + "/history").jsonPath().getList("versions.status"))
                .containsExactly("WITHDRAWN", "ACTIVE");
        assertThat(given().get("/feed.atom").asString()).contains("/resources/" + id + "#version-2");
    }
}
