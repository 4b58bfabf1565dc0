package org.imagingcatalog.curation.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.imagingcatalog.curation.support.CurationApi.asAdmin;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;
import static org.imagingcatalog.curation.support.CurationApi.awaitQueued;
import static org.imagingcatalog.curation.support.WebSession.fields;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.curation.support.Submissions;
import org.imagingcatalog.curation.support.Tokens;
import org.imagingcatalog.curation.support.WebSession;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Every route of the UI and the API as anonymous, contributor, curator and catalog-admin. */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URL base;

    String resourceId;
    SubmissionReceived submission;

    @BeforeEach
    void someData() {
        resourceId = CurationApi.createResource("authz");
        submission = Submissions.send(SubmissionKind.NEW, null, CurationApi.sample(Submissions.uniqueId("authz")), null);
        awaitQueued(submission.submissionId());
    }

    /** The curators' pages (catalog-admin may read only the audit page). */
    List<String> uiPages() {
        return List.of("/", "/?kind=NEW&status=RECEIVED&page=1&size=10", "/review/" + submission.submissionId(),
                "/resources", "/resources/" + resourceId, "/resources/" + resourceId + "/diff?from=1&to=1",
                "/resources/" + resourceId + "/edit", "/attention", "/attention?status=BROKEN&sort=-since", "/imports");
    }

    /** The pages curators and catalog-admin both read: the audit log and the releases. */
    List<String> auditPages() {
        return List.of("/audit", "/audit?curator=curator&action=EDIT&from=2026-01-01&to=2030-01-01&page=1", "/releases");
    }

    /** Releases: listed to curators and catalog-admin; cut by catalog-admin alone (its 201 is ReleaseCutTest's). */
    static final ApiCall LIST_RELEASES = new ApiCall("GET", "/api/v1/releases", null);
    static final ApiCall CUT_RELEASE = new ApiCall("POST", "/api/v1/releases", Map.of("name", "authz-never-cut"));

    List<String> uiForms() {
        return List.of("/review/" + submission.submissionId(), "/review/" + submission.submissionId() + "/claim",
                "/resources/" + resourceId + "/edit",
                "/resources/" + resourceId + "/revert", "/resources/" + resourceId + "/withdraw",
                "/resources/" + resourceId + "/restore", "/attention/" + resourceId + "/accept-move",
                "/attention/" + resourceId + "/reviewed", "/imports/" + SOME_IMPORT + "/apply",
                "/imports/" + SOME_IMPORT + "/revert");
    }

    record ApiCall(String method, String path, Object body) {
    }

    static final String MERGE_PATCH = "application/merge-patch+json";
    /** An import id: the routes are refused before anyone looks for it. */
    static final String SOME_IMPORT = "7d1c7d52-5b8e-4a47-9a43-3f0c2c6f0a11";

    /** catalog-admin's only API route here. */
    ApiCall auditCall() {
        return new ApiCall("GET", "/api/v1/audit?curator=curator&action=EDIT&page=1&size=5", null);
    }

    List<ApiCall> apiCalls() {
        String r = "/api/v1/resources/" + resourceId;
        return List.of(
                new ApiCall("GET", "/api/v1/queue", null),
                new ApiCall("GET", "/api/v1/queue?kind=NEW&page=1&size=5", null),
                new ApiCall("GET", "/api/v1/submissions/" + submission.submissionId(), null),
                new ApiCall("GET", "/api/v1/resources", null),
                new ApiCall("GET", r, null),
                new ApiCall("GET", r + "/versions", null),
                new ApiCall("GET", r + "/versions/1", null),
                new ApiCall("GET", r + "/diff?from=1&to=1", null),
                new ApiCall("GET", "/api/v1/link-health", null),
                new ApiCall("GET", "/api/v1/link-health?status=BROKEN&sort=entry", null),
                new ApiCall("POST", "/api/v1/submissions/" + submission.submissionId() + "/decision",
                        Map.of("outcome", "REJECT", "message", "no")),
                new ApiCall("POST", "/api/v1/submissions/" + submission.submissionId() + "/claim", Map.of()),
                new ApiCall("PUT", r, Map.of("name", "hijacked", "reason", "x")),
                new ApiCall("PATCH", r, Map.of("name", "hijacked", "reason", "x")),
                new ApiCall("POST", r + "/revert", Map.of("toVersion", 1, "reason", "x")),
                new ApiCall("POST", r + "/withdraw", Map.of("reason", "x")),
                new ApiCall("POST", r + "/restore", Map.of("reason", "x")),
                new ApiCall("POST", "/api/v1/imports?dryRun=true", List.of(Map.of("id", resourceId, "name", "hijacked"))),
                new ApiCall("POST", "/api/v1/imports?reason=x", List.of(Map.of("id", resourceId, "name", "hijacked"))),
                new ApiCall("POST", "/api/v1/imports/" + SOME_IMPORT + "/revert", Map.of("reason", "x")));
    }

    @Test
    void anonymousBrowsersAreSentToTheKeycloakLoginAndTheApiAnswers401() {
        WebSession anonymous = WebSession.anonymous(base.toString());
        for (String page : withAuditPages()) {
            HttpResponse<String> answer = anonymous.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).as(page)
                    .startsWith("http://localhost:").contains("/realms/imaging-catalog/protocol/openid-connect/auth");
        }
        for (String form : uiForms()) {
            assertThat(anonymous.post(form, fields("reason", "x", "outcome", "REJECT", "message", "x")).statusCode())
                    .as(form).isEqualTo(302);
        }
        assertThat(anonymous.post("/releases", fields("name", "authz-never-cut")).statusCode()).isEqualTo(302);
        for (ApiCall call : withAudit()) {
            call(given(), call).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"))
                    .body("status", equalTo(401));
        }
        assertNothingChanged();
    }

    @Test
    void contributorsAreForbiddenEverywhereAndCatalogAdminsMayOnlyReadTheAuditLog() {
        WebSession contributor = WebSession.loggedIn(base.toString(), Tokens.CONTRIBUTOR);
        for (String page : auditPages()) {
            assertThat(contributor.get(page).statusCode()).as("contributor " + page).isEqualTo(403);
        }
        call(given().header("Authorization", Tokens.bearer(Tokens.CONTRIBUTOR)), auditCall()).then().statusCode(403)
                .contentType("application/problem+json");
        WebSession admin = WebSession.loggedIn(base.toString(), Tokens.ADMIN);
        for (String page : auditPages()) {
            assertThat(admin.get(page).statusCode()).as("catalog-admin " + page).isEqualTo(200);
        }
        call(given().header("Authorization", Tokens.bearer(Tokens.ADMIN)), auditCall()).then().statusCode(200);
        call(asCurator(), auditCall()).then().statusCode(403).contentType("application/problem+json");
        for (ApiCall call : List.of(LIST_RELEASES, CUT_RELEASE)) {
            call(given().header("Authorization", Tokens.bearer(Tokens.CONTRIBUTOR)), call).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        call(given().header("Authorization", Tokens.bearer(Tokens.ADMIN)), LIST_RELEASES).then().statusCode(200);
        call(asCurator(), CUT_RELEASE).then().statusCode(403).contentType("application/problem+json");
        assertThat(contributor.post("/releases", fields("name", "authz-never-cut")).statusCode()).isEqualTo(403);
        for (String user : List.of(Tokens.CONTRIBUTOR, Tokens.ADMIN)) {
            WebSession session = WebSession.loggedIn(base.toString(), user);
            for (String page : uiPages()) {
                HttpResponse<String> answer = session.get(page);
                assertThat(answer.statusCode()).as(user + " " + page).isEqualTo(403);
                assertThat(answer.body()).as(user + " " + page).contains("<h1>Forbidden</h1>");
            }
            for (String form : uiForms()) {
                assertThat(session.post(form, fields("reason", "x", "outcome", "REJECT", "message", "x")).statusCode())
                        .as(user + " POST " + form).isEqualTo(403);
            }
            for (ApiCall call : apiCalls()) {
                call(given().header("Authorization", Tokens.bearer(user)), call).then()
                        .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
            }
        }
        assertNothingChanged();
        asAdmin().get("/api/v1/releases/authz-never-cut").then().statusCode(404);
    }

    @Test
    void curatorsMayUseEveryRoute() {
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        for (String page : uiPages()) {
            assertThat(curator.get(page).statusCode()).as(page).isEqualTo(200);
        }
        for (String page : auditPages()) {
            assertThat(curator.get(page).statusCode()).as(page).isEqualTo(200);
        }
        for (ApiCall call : apiCalls().stream().filter(c -> c.method().equals("GET")).toList()) {
            call(asCurator(), call).then().statusCode(200);
        }
        call(asCurator(), LIST_RELEASES).then().statusCode(200);
        asCurator().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/resources/{id}/restore"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/audit"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/submissions/{id}/claim"))
                .body("paths.'/api/v1/resources/{id}'", org.hamcrest.Matchers.hasKey("patch"));
    }

    @Test
    void stateChangingFormsRefuseRequestsWithoutAValidCsrfTokenOrSession() {
        WebSession curator = WebSession.loggedIn(base.toString(), Tokens.CURATOR);
        String token = curator.csrfToken("/resources/" + resourceId);
        for (String form : uiForms()) {
            HttpResponse<String> noToken = curator.post(form, fields("reason", "x", "toVersion", 1, "outcome", "REJECT",
                    "message", "x", "baseVersion", 1, "name", "x", "url", "https://x.example"));
            assertThat(noToken.statusCode()).as("no token: " + form).isEqualTo(400);
            HttpResponse<String> wrongToken = curator.post(form, fields("csrf-token", "forged" + token.substring(6),
                    "reason", "x", "toVersion", 1, "outcome", "REJECT", "message", "x"));
            assertThat(wrongToken.statusCode()).as("forged token: " + form).isEqualTo(400);
        }
        // a valid token without a session (e.g. a forged cross-site post): sent to the login, nothing changes
        WebSession noSession = WebSession.anonymous(base.toString());
        assertThat(noSession.post("/resources/" + resourceId + "/withdraw", fields("csrf-token", token, "reason", "x"))
                .statusCode()).isEqualTo(302);
        assertNothingChanged();
        // the JSON API needs no CSRF token: it takes bearer tokens, not cookies
        asCurator().body(Map.of("reason", "the API needs no CSRF token"))
                .post("/api/v1/resources/{id}/withdraw", resourceId).then().statusCode(201);
        asCurator().body(Map.of("reason", "back")).post("/api/v1/resources/{id}/restore", resourceId).then().statusCode(201);
    }

    private void assertNothingChanged() {
        Response resource = asCurator().get("/api/v1/resources/{id}", resourceId);
        resource.then().statusCode(200).body("snapshot.name", not(equalTo("hijacked")))
                .body("snapshot.name", not(equalTo("x"))).body("status", equalTo("ACTIVE"));
        asCurator().get("/api/v1/submissions/{id}", submission.submissionId()).then()
                .body("status", equalTo("RECEIVED")).body("claimedBy", equalTo(null));
    }

    List<ApiCall> withAudit() {
        List<ApiCall> all = new java.util.ArrayList<>(apiCalls());
        all.add(auditCall());
        all.add(LIST_RELEASES);
        all.add(CUT_RELEASE);
        return all;
    }

    List<String> withAuditPages() {
        List<String> all = new java.util.ArrayList<>(uiPages());
        all.addAll(auditPages());
        return all;
    }

    private static Response call(RequestSpecification request, ApiCall call) {
        RequestSpecification r = request.redirects().follow(false);
        if (call.body() != null) {
            r = r.contentType(call.method().equals("PATCH") ? MERGE_PATCH : ContentType.JSON.toString())
                    .body(call.body()).header("If-Match", "\"1\"");
        }
        return r.request(call.method(), call.path());
    }
}
