package org.imagingcatalog.systemtest;

import static org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind.API;
import static org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind.BROWSER;
import static org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind.PUBLIC;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Call;
import org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind;
import org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Who;

/**
 * Every route of the contract and the services' READMEs, with how it takes credentials and what it answers
 * the one who may use it. State-changing routes aim at a resource and submissions made for the matrix, and
 * their requests are valid, so only the caller decides whether they succeed.
 */
final class AuthorizationMatrixRoutes {

    /** One row: a route, who may use it (for browser routes), what that one gets, and the request. */
    record Row(String service, String route, Kind kind, Who allowed, String success, Function<Who, Call> call) {
    }

    /** What the matrix works on. */
    record Fixture(String submissionUrl, String curationUrl, String publicUrl, String resourceId, String trackingToken,
            String openForUi, String openForApi, Function<Who, String> curatorCsrf, java.util.function.IntSupplier version) {
    }

    private AuthorizationMatrixRoutes() {
    }

    static List<Row> all(Fixture f) {
        List<Row> rows = new ArrayList<>();
        publicWeb(f, rows);
        submission(f, rows);
        curationUi(f, rows);
        curationApi(f, rows);
        return rows;
    }

    private static void publicWeb(Fixture f, List<Row> rows) {
        String r = f.resourceId();
        for (String path : List.of("/", "/resources/" + r, "/stats", "/about", "/api/v1/resources",
                "/api/v1/resources/" + r, "/api/v1/resources/" + r + "/history", "/api/v1/stats", "/export/catalog.csv",
                "/export/catalog.json", "/export/catalog.tex", "/export/catalog.bib", "/export/catalog.jsonld", "/feed.atom")) {
            rows.add(new Row("public-web", "GET " + path.replace(r, "{id}"), PUBLIC, null, "200",
                    who -> Call.get(f.publicUrl() + path)));
        }
        // the operator's rebuild takes a static token of its own; none is configured here, so it does not exist
        rows.add(new Row("public-web", "GET /admin/rebuild", PUBLIC, null, "404",
                who -> Call.get(f.publicUrl() + "/admin/rebuild")));
        rows.add(new Row("public-web", "POST /admin/rebuild", PUBLIC, null, "404",
                who -> new Call("POST", f.publicUrl() + "/admin/rebuild", "application/json", "{}")));
    }

    private static void submission(Fixture f, List<Row> rows) {
        String r = f.resourceId();
        for (String path : List.of("/", "/new", "/correct/" + r, "/withdraw/" + r, "/track/" + f.trackingToken(),
                "/api/v1/submissions/" + f.trackingToken())) {
            rows.add(new Row("submission", "GET " + path.replace(f.trackingToken(), "{token}").replace(r, "{id}"), PUBLIC,
                    null, "200",
                    who -> Call.get(f.submissionUrl() + path)));
        }
        rows.add(new Row("submission", "POST /api/v1/submissions", PUBLIC, null, "202", who -> new Call("POST",
                f.submissionUrl() + "/api/v1/submissions", "application/json", newSubmission("authz-" + who.name()
                        .toLowerCase().replace('_', '-') + "-" + r))));
        rows.add(new Row("submission", "GET /my", BROWSER, Who.CONTRIBUTOR, "200", who -> Call.get(f.submissionUrl() + "/my")));
    }

    private static void curationUi(Fixture f, List<Row> rows) {
        String c = f.curationUrl();
        String r = f.resourceId();
        for (String path : List.of("/", "/review/" + f.openForUi(), "/resources", "/resources/" + r,
                "/resources/" + r + "/diff?from=1&to=1", "/resources/" + r + "/edit", "/audit")) {
            rows.add(new Row("curation", "GET " + path.replace(f.openForUi(), "{id}").replace(r, "{id}"), BROWSER,
                    Who.CURATOR, "200", who -> Call.get(c + path)));
        }
        rows.add(uiPost(f, "/review/" + f.openForUi(), "POST /review/{id} (reject)",
                "outcome", "REJECT", "message", "Refused in the authorisation matrix."));
        rows.add(uiPost(f, "/resources/" + r + "/edit", "POST /resources/{id}/edit", editForm(r)));
        rows.add(uiPost(f, "/resources/" + r + "/revert", "POST /resources/{id}/revert",
                "toVersion", "1", "reason", "matrix: revert"));
        rows.add(uiPost(f, "/resources/" + r + "/withdraw", "POST /resources/{id}/withdraw", "reason", "matrix: withdraw"));
        rows.add(uiPost(f, "/resources/" + r + "/restore", "POST /resources/{id}/restore", "reason", "matrix: restore"));
    }

    /** A form post; the curator sends the CSRF token of its session, the others have none to send. */
    private static Row uiPost(Fixture f, String path, String label, String... fields) {
        return new Row("curation", label.replace(f.resourceId(), "{id}"), BROWSER, Who.CURATOR, "303", who -> {
            List<String> all = new ArrayList<>(List.of(fields));
            if (path.endsWith("/edit")) {
                all.add("baseVersion");
                all.add(Integer.toString(f.version().getAsInt()));
            }
            String token = f.curatorCsrf().apply(who);
            if (token != null) {
                all.add("csrf-token");
                all.add(token);
            }
            return new Call("POST", f.curationUrl() + path, "application/x-www-form-urlencoded",
                    SecurityWebSession.form(SecurityWebSession.fields(all.toArray(String[]::new))));
        });
    }

    private static void curationApi(Fixture f, List<Row> rows) {
        String c = f.curationUrl() + "/api/v1";
        String r = f.resourceId();
        for (String path : List.of("/queue", "/submissions/" + f.openForApi(), "/resources", "/resources/" + r,
                "/resources/" + r + "/versions", "/resources/" + r + "/versions/1", "/resources/" + r + "/diff?from=1&to=1")) {
            rows.add(new Row("curation", "GET /api/v1" + path.replace(f.openForApi(), "{id}").replace(r, "{id}"), API,
                    Who.CURATOR, "200", who -> Call.get(c + path)));
        }
        rows.add(new Row("curation", "POST /api/v1/submissions/{id}/decision (reject)", API, Who.CURATOR, "200",
                who -> json("POST", c + "/submissions/" + f.openForApi() + "/decision",
                        "{\"outcome\":\"REJECT\",\"message\":\"Refused in the authorisation matrix.\"}")));
        rows.add(new Row("curation", "PUT /api/v1/resources/{id}", API, Who.CURATOR, "200",
                who -> json("PUT", c + "/resources/" + r, "{\"description\":\"Edited in the authorisation matrix.\"}",
                        "If-Match", "\"" + f.version().getAsInt() + "\"")));
        rows.add(new Row("curation", "POST /api/v1/resources/{id}/revert", API, Who.CURATOR, "201",
                who -> json("POST", c + "/resources/" + r + "/revert", "{\"toVersion\":1,\"reason\":\"matrix: revert\"}")));
        rows.add(new Row("curation", "POST /api/v1/resources/{id}/withdraw", API, Who.CURATOR, "201",
                who -> json("POST", c + "/resources/" + r + "/withdraw", "{\"reason\":\"matrix: withdraw\"}")));
        rows.add(new Row("curation", "POST /api/v1/resources/{id}/restore", API, Who.CURATOR, "201",
                who -> json("POST", c + "/resources/" + r + "/restore", "{\"reason\":\"matrix: restore\"}")));
    }

    private static Call json(String method, String url, String body, String... headers) {
        return new Call(method, url, "application/json", body, headers);
    }

    /** What the one allowed gets, and what everyone else must get. */
    static String expected(Row row, Who who) {
        return switch (row.kind()) {
            case PUBLIC -> row.success();
            case API -> who == Who.CURATOR ? row.success()
                    : who == Who.CONTRIBUTOR || who == Who.CATALOG_ADMIN ? "403" : "401";
            case BROWSER -> !who.hasSession() ? "302 login" : who == row.allowed() ? row.success() : "403";
        };
    }

    private static String newSubmission(String id) {
        return "{\"kind\":\"NEW\",\"comment\":\"authorisation matrix\",\"proposed\":"
                + HostileCatalog.resource(id, "Authorisation matrix " + id) + "}";
    }

    /** Every field of the edit form, as the resource was made, with a new description. */
    private static String[] editForm(String id) {
        return new String[] { "id", id, "name", "Authorisation matrix " + id, "url", "https://example.org/" + id,
                "description", "Edited in the authorisation matrix's form.", "provider", "System tests", "ct", "Y",
                "xray", "N", "mri", "U", "ultrasound", "N", "metadata", "Y", "caseReview", "N", "license", "CC-BY-4.0",
                "access", "OPEN", "formats", "DICOM", "annotations", "", "tags", "system-test", "patients", "10",
                "images", "100", "studies", "" };
    }
}
