package org.imagingcatalog.publicweb.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrderingTest {

    @Test
    void outOfOrderAndDuplicatedEventsEndAtTheNewestVersion() {
        String id = Entries.unique("ordering");
        Resource v3 = Entries.resource(id, "Version three", "YNUUYN", "third", List.of("x"));
        Resource v2 = Entries.resource(id, "Version two", "NNNNNN", "second", List.of("x"));
        Entries.publish(v3, 3, ResourceStatus.ACTIVE, "name changed", null);
        Entries.awaitVersion(id, 3);
        Entries.publish(v2, 2, ResourceStatus.ACTIVE, "late", null);
        Entries.publish(v2, 2, ResourceStatus.ACTIVE, "late", null);
        // the late version reaches the change log without touching the current entry
        Entries.await(() -> given().get("/api/v1/resources/" + id + "/history").jsonPath()
                .getList("versions.version").size() == 2, "the late version in the change log");

        JsonPath entry = given().get("/api/v1/resources/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(entry.getInt("version")).isEqualTo(3);
        assertThat(entry.getString("name")).isEqualTo("Version three");
        assertThat(entry.getString("modalities.ct")).isEqualTo("Y");
        assertThat(given().get("/api/v1/resources/" + id + "/history").jsonPath().getList("versions.version"))
                .containsExactly(3, 2);
        assertThat(given().get("/resources/" + id).then().statusCode(200).extract().asString())
                .contains("Version three").doesNotContain("Version two</h1>");
    }

    /** A NUL byte is text PostgreSQL cannot store: retrying it would stall every later event of its partition. */
    @Test
    void anEventTheDatabaseCannotHoldIsSkippedAndTheNextOneArrives() {
        String id = Entries.unique("unstorable");
        Entries.publish(Entries.resource(id, "Nul\u0000byte", "YNUUYN", "first", List.of("x")), 1,
                ResourceStatus.ACTIVE, "added", null);
        Entries.publish(Entries.resource(id, "Storable", "YNUUYN", "second", List.of("x")), 2,
                ResourceStatus.ACTIVE, "renamed", null);
        Entries.awaitVersion(id, 2);
        assertThat(given().get("/api/v1/resources/" + id).jsonPath().getString("name")).isEqualTo("Storable");
        assertThat(given().get("/api/v1/resources/" + id + "/history").jsonPath().getList("versions.version"))
                .containsExactly(2);
    }

    @Test
    void unknownResourceIsAProblem() {
        given().get("/api/v1/resources/no-such-entry-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", org.hamcrest.Matchers.is(404))
                .body("type", org.hamcrest.Matchers.is("urn:imaging-catalog:problem:not-found"));
        given().get("/resources/no-such-entry-here").then().statusCode(404)
                .body(org.hamcrest.Matchers.containsString("no-such-entry-here"));
    }
}
