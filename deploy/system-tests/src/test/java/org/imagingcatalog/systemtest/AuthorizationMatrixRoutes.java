package org.imagingcatalog.systemtest;

import static org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind.ADMIN_API;
import static org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind.API;
import static org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind.BROWSER;
import static org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind.PUBLIC;
import static org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Kind.STAFF_API;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    record Row(String service, String route, Kind kind, Set<Who> allowed, String success, Function<Who, Call> call) {
    }

    /** A CSRF token of submission-service's forms and the cookie it must come back with (an anonymous browser's). */
    record FormSession(String token, String cookie) {
    }

    /**
     * What the matrix works on: the resource, the tracking token of the submission that made it (decided, so not
     * revisable), two open submissions (one refused in the UI, one over the API), the curator's CSRF token, a
     * browser's CSRF pair for submission-service's forms, and the resource's current version.
     */
    record Fixture(String submissionUrl, String curationUrl, String publicUrl, String resourceId, String trackingToken,
            String openForUi, String openForApi, Function<Who, String> curatorCsrf, FormSession submissionForm,
            java.util.function.IntSupplier version) {
    }

    private static final Set<Who> CURATOR = Set.of(Who.CURATOR);
    /** An import id no import has: the import routes answer a curator 404, everyone else as always. */
    private static final String NO_IMPORT = "7d1c7d52-5b8e-4a47-9a43-3f0c2c6f0a11";
    /** Makes the names of the releases the matrix cuts new in every run against the same databases. */
    private static final String UNIQUE = Long.toString(System.currentTimeMillis(), 36);

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
                "/export/catalog.json", "/export/catalog.tex", "/export/catalog.bib", "/export/catalog.jsonld", "/feed.atom",
                "/export/catalog.ttl", "/export/catalog.rdf", "/resources/" + r + "/croissant.json",
                "/api/v1/resources/" + r + "/lineage", "/overlap", "/overlap?ids=" + r + ",covid-ct",
                "/api/v1/overlap?ids=" + r + ",covid-ct", "/?population=ADULT&rtPcrOnly=true", "/releases",
                "/api/v1/releases")) {
            rows.add(new Row("public-web", "GET " + path.replace(r, "{id}"), PUBLIC, null, "200",
                    who -> Call.get(f.publicUrl() + path)));
        }
        // a release no one cut: the same 404 for everyone (no route of a release needs a login)
        for (String path : List.of("/releases/never-cut", "/api/v1/releases/never-cut", "/api/v1/releases/never-cut/diff/x",
                "/api/v1/releases/never-cut/datacite.xml", "/export/catalog.csv?release=never-cut")) {
            rows.add(new Row("public-web", "GET " + path.replace("never-cut", "{name}"), PUBLIC, null, "404",
                    who -> Call.get(f.publicUrl() + path)));
        }
        // the operator's rebuild: a bearer token of the realm's catalog-admin, checked by public-web against Keycloak
        rows.add(new Row("public-web", "GET /admin/rebuild", ADMIN_API, null, "200",
                who -> Call.get(f.publicUrl() + "/admin/rebuild")));
        rows.add(new Row("public-web", "POST /admin/rebuild", ADMIN_API, null, "202",
                who -> new Call("POST", f.publicUrl() + "/admin/rebuild", "application/json", "{}")));
    }

    private static void submission(Fixture f, List<Row> rows) {
        String r = f.resourceId();
        String token = f.trackingToken();
        for (String path : List.of("/", "/new", "/correct/" + r, "/withdraw/" + r, "/track/" + token,
                "/api/v1/submissions/" + token)) {
            rows.add(new Row("submission", "GET " + path.replace(token, "{token}").replace(r, "{id}"), PUBLIC,
                    null, "200",
                    who -> Call.get(f.submissionUrl() + path)));
        }
        rows.add(new Row("submission", "POST /api/v1/submissions", PUBLIC, null, "202", who -> new Call("POST",
                f.submissionUrl() + "/api/v1/submissions", "application/json", newSubmission("authz-" + slug(who) + "-" + r))));
        // the forms: Post/Redirect/Get to the new submission's tracking page, whoever sends them
        rows.add(submissionForm(f, "/new", "POST /new", "name", "Matrix form proposal " + r + " ", "url",
                "https://example.org/matrix-form/" + r, "comment", "authorisation matrix", "ct", "Y"));
        List<String> correction = new ArrayList<>(List.of(editForm(r)));
        // a form correction is the merge patch of what differs from the published version: the description
        correction.addAll(List.of("description", "Corrected in the authorisation matrix's form.",
                "comment", "authorisation matrix: a correction"));
        rows.add(submissionForm(f, "/correct/" + r, "POST /correct/{id}", correction.toArray(String[]::new)));
        rows.add(submissionForm(f, "/withdraw/" + r, "POST /withdraw/{id}", "comment", "authorisation matrix: a withdrawal"));
        // revising takes only the token: a submission that is not waiting for changes is the same 409 for everyone
        rows.add(new Row("submission", "POST /api/v1/submissions/{token}/revisions (not revisable)", PUBLIC, null, "409",
                who -> new Call("POST", f.submissionUrl() + "/api/v1/submissions/" + token + "/revisions",
                        "application/json", "{\"comment\":\"authorisation matrix\",\"proposed\":"
                                + HostileCatalog.resource(r, "Authorisation matrix revision " + r) + "}")));
        rows.add(formPost(f, "/track/" + token + "/revision", "POST /track/{token}/revision (not revisable)", "409",
                "name", "Authorisation matrix revision " + r, "url", "https://example.org/" + r, "comment", "matrix"));
        rows.add(new Row("submission", "GET /my", BROWSER, Set.of(Who.CONTRIBUTOR), "200",
                who -> Call.get(f.submissionUrl() + "/my")));
    }

    private static Row submissionForm(Fixture f, String path, String label, String... fields) {
        return formPost(f, path, label, "303", fields);
    }

    /** A form of submission-service as a browser posts it: its CSRF token in the form, the cookie beside it. */
    private static Row formPost(Fixture f, String path, String label, String success, String... fields) {
        return new Row("submission", label, PUBLIC, null, success, who -> {
            List<String> all = new ArrayList<>(List.of(fields));
            for (int i = 0; i + 1 < all.size(); i += 2) {
                if (all.get(i).equals("name") && path.equals("/new")) {
                    all.set(i + 1, all.get(i + 1) + slug(who)); // a proposal of each caller's own
                }
            }
            all.add("csrf-token");
            all.add(f.submissionForm().token());
            return new Call("POST", f.submissionUrl() + path, "application/x-www-form-urlencoded",
                    SecurityWebSession.form(SecurityWebSession.fields(all.toArray(String[]::new))),
                    "Cookie", "csrf-token=" + f.submissionForm().cookie());
        });
    }

    private static void curationUi(Fixture f, List<Row> rows) {
        String c = f.curationUrl();
        String r = f.resourceId();
        for (String path : List.of("/", "/review/" + f.openForUi(), "/resources", "/resources/" + r,
                "/resources/" + r + "/diff?from=1&to=1", "/resources/" + r + "/edit", "/attention",
                "/attention?status=BROKEN&sort=-since", "/imports")) {
            rows.add(new Row("curation", "GET " + path.replace(f.openForUi(), "{id}").replace(r, "{id}"), BROWSER,
                    CURATOR, "200", who -> Call.get(c + path)));
        }
        // the audit page: curators and catalog-admin (who curates nothing else)
        for (String path : List.of("/audit", "/audit?curator=curator&action=DECISION&from=2020-01-01&to=2999-12-31")) {
            rows.add(new Row("curation", "GET " + path.replace("curator=curator&action=DECISION&from=2020-01-01&to=2999-12-31",
                    "curator=&action=&from=&to="), BROWSER, Set.of(Who.CURATOR, Who.CATALOG_ADMIN), "200",
                    who -> Call.get(c + path)));
        }
        // releases: listed to curators and catalog-admin, cut by catalog-admin alone (a real cut, its name used once)
        rows.add(new Row("curation", "GET /releases", BROWSER, Set.of(Who.CURATOR, Who.CATALOG_ADMIN), "200",
                who -> Call.get(c + "/releases")));
        rows.add(new Row("curation", "POST /releases", BROWSER, Set.of(Who.CATALOG_ADMIN), "303", who -> {
            List<String> all = new ArrayList<>(List.of("name", "matrix-page-" + UNIQUE, "notes", "Cut by the matrix."));
            String token = f.curatorCsrf().apply(who);
            if (token != null) {
                all.add("csrf-token");
                all.add(token);
            }
            return new Call("POST", c + "/releases", "application/x-www-form-urlencoded",
                    SecurityWebSession.form(SecurityWebSession.fields(all.toArray(String[]::new))));
        }));
        rows.add(uiPost(f, "/review/" + f.openForUi() + "/claim", "POST /review/{id}/claim"));
        rows.add(uiPost(f, "/review/" + f.openForUi(), "POST /review/{id} (reject)",
                "outcome", "REJECT", "message", "Refused in the authorisation matrix."));
        List<String> edit = new ArrayList<>(List.of(editForm(r)));
        edit.addAll(List.of("description", "Edited in the authorisation matrix's form.", "reason", "matrix: the edit form"));
        rows.add(uiPost(f, "/resources/" + r + "/edit", "POST /resources/{id}/edit", edit.toArray(String[]::new)));
        rows.add(uiPost(f, "/resources/" + r + "/revert", "POST /resources/{id}/revert",
                "toVersion", "1", "reason", "matrix: revert"));
        rows.add(uiPost(f, "/resources/" + r + "/withdraw", "POST /resources/{id}/withdraw", "reason", "matrix: withdraw"));
        rows.add(uiPost(f, "/resources/" + r + "/restore", "POST /resources/{id}/restore", "reason", "matrix: restore"));
        // link health: nothing was checked here (checking is off), so a curator's click finds nothing to accept: 409
        rows.add(uiPostAnswering(f, "/attention/" + r + "/accept-move", "POST /attention/{id}/accept-move", "409",
                "url", "https://example.org/matrix"));
        rows.add(uiPostAnswering(f, "/attention/" + r + "/reviewed", "POST /attention/{id}/reviewed", "409",
                "url", "https://example.org/matrix"));
        // bulk import: an import nobody made, so a curator's click finds nothing (404); the others never get that far
        rows.add(uiPostAnswering(f, "/imports/" + NO_IMPORT + "/apply", "POST /imports/{id}/apply", "404",
                "reason", "matrix: apply"));
        rows.add(uiPostAnswering(f, "/imports/" + NO_IMPORT + "/revert", "POST /imports/{id}/revert", "404",
                "reason", "matrix: revert"));
    }

    /** A form post; the curator sends the CSRF token of its session, the others have none to send. */
    private static Row uiPost(Fixture f, String path, String label, String... fields) {
        return uiPostAnswering(f, path, label, "303", fields);
    }

    private static Row uiPostAnswering(Fixture f, String path, String label, String curatorStatus, String... fields) {
        return new Row("curation", label.replace(f.resourceId(), "{id}"), BROWSER, CURATOR, curatorStatus, who -> {
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
        for (String path : List.of("/queue", "/queue?kind=NEW&status=RECEIVED&page=1&size=200", "/submissions/"
                + f.openForApi(), "/resources", "/resources/" + r, "/resources/" + r + "/versions",
                "/resources/" + r + "/versions/1", "/resources/" + r + "/diff?from=1&to=1", "/link-health",
                "/link-health?status=BROKEN&sort=entry")) {
            rows.add(new Row("curation", "GET /api/v1" + path.replace(f.openForApi(), "{id}").replace(r, "{id}"), API,
                    CURATOR, "200", who -> Call.get(c + path)));
        }
        // the whole audit log: catalog-admin alone
        for (String path : List.of("/audit", "/audit?curator=curator&action=DECISION&from=2020-01-01&to=2999-12-31&page=1&size=5")) {
            rows.add(new Row("curation", "GET /api/v1" + path.replace(
                    "curator=curator&action=DECISION&from=2020-01-01&to=2999-12-31&page=1&size=5",
                    "curator=&action=&from=&to=&page=&size="), ADMIN_API, null, "200", who -> Call.get(c + path)));
        }
        rows.add(new Row("curation", "GET /api/v1/releases", STAFF_API, null, "200", who -> Call.get(c + "/releases")));
        rows.add(new Row("curation", "POST /api/v1/releases", ADMIN_API, null, "201",
                who -> json("POST", c + "/releases", "{\"name\":\"matrix-api-" + UNIQUE + "\"}")));
        rows.add(new Row("curation", "POST /api/v1/submissions/{id}/claim", API, CURATOR, "200",
                who -> new Call("POST", c + "/submissions/" + f.openForApi() + "/claim", null, null)));
        rows.add(new Row("curation", "POST /api/v1/submissions/{id}/decision (reject)", API, CURATOR, "200",
                who -> json("POST", c + "/submissions/" + f.openForApi() + "/decision",
                        "{\"outcome\":\"REJECT\",\"message\":\"Refused in the authorisation matrix.\"}")));
        rows.add(new Row("curation", "PUT /api/v1/resources/{id}", API, CURATOR, "200",
                who -> json("PUT", c + "/resources/" + r, "{\"description\":\"Edited in the authorisation matrix.\","
                        + "\"reason\":\"matrix: PUT\"}", "If-Match", "\"" + f.version().getAsInt() + "\"")));
        rows.add(new Row("curation", "PATCH /api/v1/resources/{id}", API, CURATOR, "200",
                who -> new Call("PATCH", c + "/resources/" + r, "application/merge-patch+json",
                        "{\"description\":\"Patched in the authorisation matrix.\",\"reason\":\"matrix: PATCH\"}",
                        "If-Match", "\"" + f.version().getAsInt() + "\"")));
        rows.add(new Row("curation", "POST /api/v1/resources/{id}/revert", API, CURATOR, "201",
                who -> json("POST", c + "/resources/" + r + "/revert", "{\"toVersion\":1,\"reason\":\"matrix: revert\"}")));
        rows.add(new Row("curation", "POST /api/v1/resources/{id}/withdraw", API, CURATOR, "201",
                who -> json("POST", c + "/resources/" + r + "/withdraw", "{\"reason\":\"matrix: withdraw\"}")));
        rows.add(new Row("curation", "POST /api/v1/resources/{id}/restore", API, CURATOR, "201",
                who -> json("POST", c + "/resources/" + r + "/restore", "{\"reason\":\"matrix: restore\"}")));
        rows.add(new Row("curation", "POST /api/v1/imports?dryRun=true", API, CURATOR, "200",
                who -> json("POST", c + "/imports?dryRun=true", "[{\"id\":\"" + r + "\",\"description\":\"matrix: dry run\"}]")));
        rows.add(new Row("curation", "GET /api/v1/imports/{id}", API, CURATOR, "404",
                who -> Call.get(c + "/imports/" + NO_IMPORT)));
        rows.add(new Row("curation", "POST /api/v1/imports/{id}/revert", API, CURATOR, "404",
                who -> json("POST", c + "/imports/" + NO_IMPORT + "/revert", "{\"reason\":\"matrix: revert\"}")));
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
            // every service wants its own audience: a token issued to another client of the realm is not for it
            case ADMIN_API -> who == Who.CATALOG_ADMIN ? row.success()
                    : who == Who.CONTRIBUTOR || who == Who.CURATOR ? "403" : "401";
            case STAFF_API -> who == Who.CURATOR || who == Who.CATALOG_ADMIN ? row.success()
                    : who == Who.CONTRIBUTOR ? "403" : "401";
            case BROWSER -> !who.hasSession() ? "302 login" : row.allowed().contains(who) ? row.success() : "403";
        };
    }

    private static String slug(Who who) {
        return who == null ? "" : who.name().toLowerCase().replace('_', '-');
    }

    private static String newSubmission(String id) {
        return "{\"kind\":\"NEW\",\"comment\":\"authorisation matrix\",\"proposed\":"
                + HostileCatalog.resource(id, "Authorisation matrix " + id) + "}";
    }

    /** Every field of the edit form, as the resource was made. */
    private static String[] editForm(String id) {
        return new String[] { "id", id, "name", "Authorisation matrix " + id, "url", "https://example.org/" + id,
                "description", "Made by a system test.", "provider", "System tests", "ct", "Y",
                "xray", "N", "mri", "U", "ultrasound", "N", "metadata", "Y", "caseReview", "N", "license", "CC-BY-4.0",
                "access", "OPEN", "formats", "DICOM", "annotations", "", "tags", "system-test", "patients", "10",
                "images", "100", "studies", "" };
    }
}
