package org.imagingcatalog.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.validation.FieldError;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ProblemTest {

    @Test
    void writesTheRfc9457MembersWithTheSharedTypeConventionAndItsExtensions() throws Exception {
        byte[] json = Problem.of("stale-version", 412, "Precondition failed", "Version 3 is current.")
                .at("/api/v1/resources/covid-ct")
                .withErrors(List.of(new FieldError("url", "must be an absolute http(s) URL")))
                .with("currentVersion", 3)
                .toJson();

        JsonNode problem = EventJson.mapper().readTree(json);
        assertThat(problem.get("type").asText()).isEqualTo("urn:imaging-catalog:problem:stale-version");
        assertThat(problem.get("status").asInt()).isEqualTo(412);
        assertThat(problem.get("instance").asText()).isEqualTo("/api/v1/resources/covid-ct");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("url");
        assertThat(problem.get("currentVersion").asInt()).isEqualTo(3);
    }

    @Test
    void leavesOutWhatItDoesNotHave() throws Exception {
        JsonNode problem = EventJson.mapper().readTree(Problem.of("not-found", 404, "Not found", "No such entry.").toJson());
        assertThat(problem.has("instance")).isFalse();
        assertThat(problem.has("errors")).isFalse();
    }
}
