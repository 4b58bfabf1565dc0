package org.imagingcatalog.submission.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The OpenAPI document describes the JSON API only: no pages, no form routes, no template-engine types. */
@QuarkusTest
class OpenApiTest {

    @Test
    void onlyApiPathsAndNoTemplateTypes() {
        JsonPath doc = given().accept("application/json").queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).isNotEmpty();
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/"), "every path is under /api/");
        assertThat(paths.keySet()).contains("/api/v1/submissions", "/api/v1/submissions/{token}",
                "/api/v1/submissions/{token}/revisions");
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertThat(schemas.keySet()).noneMatch(name -> name.startsWith("Template") || name.contains("Qute")
                || name.equals("Variant") || name.equals("Locale"));
        assertThat(doc.getString("components.schemas.SubmissionRequest.properties.proposed.description"))
                .contains("JSON Merge Patch");
    }
}
