package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every state-changing form refuses a post without the CSRF token of its own session: no token, a forged
 * one, another session's, or the right token without its cookie. The same post with the right token is
 * accepted, so the refusals are the CSRF check's and nothing else's; and the refused posts change nothing.
 */
class SecurityCsrfIT {

    private final CatalogStack stack = CatalogStack.shared();

    @Test
    void submissionFormsRefusePostsWithoutTheirSessionsToken() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        HostileCatalog catalog = new HostileCatalog(stack);
        String target = publishedResource(catalog, "csrf-sub-" + run);
        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/new", fields("name", "CSRF probe " + run, "url", "https://example.org/csrf/" + run,
                "comment", "probe", "ct", "Y"));
        forms.put("/correct/" + target, fields("name", "Corrected " + run, "url", "https://example.org/" + target,
                "comment", "a correction", "ct", "N", "xray", "N", "mri", "U", "ultrasound", "N", "metadata", "Y",
                "caseReview", "N", "access", "OPEN"));
        forms.put("/withdraw/" + target, fields("comment", "withdraw it"));
        // the revision form of a tracking page whose submission waits for changes
        HostileCatalog.Receipt asked = catalog.proposeNew(HostileCatalog.resource("csrf-rev-" + run, "CSRF revision " + run),
                "to be revised", null, null);
        catalog.awaitInQueue(asked.id());
        catalog.decide(asked.id(), "REQUEST_CHANGES", "Please add a licence.");
        catalog.awaitStatus(asked.trackingToken(), "CHANGES_REQUESTED");
        String revision = "/track/" + asked.trackingToken() + "/revision";
        forms.put(revision, fields("id", "csrf-rev-" + run, "name", "CSRF revision " + run,
                "url", "https://example.org/csrf-rev-" + run, "license", "CC-BY-4.0", "comment", "licence added"));

        SecurityWebSession browser = SecurityWebSession.anonymous(stack.submission.url());
        SecurityWebSession otherBrowser = SecurityWebSession.anonymous(stack.submission.url());
        long before = submissions();
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            String page = formPage(form.getKey());
            String token = browser.csrfToken(page);
            String otherToken = otherBrowser.csrfToken(page);
            refused(browser.post(form.getKey(), form.getValue()), "no token: POST " + form.getKey(), refusals);
            refused(browser.post(form.getKey(), with(form.getValue(), "csrf-token", "forged" + token.substring(6))),
                    "forged token: POST " + form.getKey(), refusals);
            refused(browser.post(form.getKey(), with(form.getValue(), "csrf-token", otherToken)),
                    "another session's token: POST " + form.getKey(), refusals);
            refused(SecurityWebSession.anonymous(stack.submission.url()).post(form.getKey(),
                    with(form.getValue(), "csrf-token", token)), "token without its cookie: POST " + form.getKey(), refusals);
        }
        assertThat(submissions()).as("submissions stored by refused posts").isEqualTo(before);
        JsonNode waiting = Http.get(stack.submission.url() + "/api/v1/submissions/" + asked.trackingToken()).json();
        assertThat(waiting.path("status").asText()).as("the submission waiting for changes").isEqualTo("CHANGES_REQUESTED");
        assertThat(waiting.path("revision").asInt()).isEqualTo(1);

        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            String token = browser.csrfToken(formPage(form.getKey()));
            HttpResponse<String> accepted = browser.post(form.getKey(), with(form.getValue(), "csrf-token", token));
            // Post/Redirect/Get: what was stored is followed on its tracking page
            assertThat(accepted.statusCode()).as("the same post with its token: POST %s: %s", form.getKey(),
                    excerpt(accepted.body())).isEqualTo(303);
            assertThat(accepted.headers().firstValue("Location").orElse("")).as("POST %s redirects to", form.getKey())
                    .matches("(https?://[^/]+)?/track/[A-Za-z0-9_-]{20,}");
        }
        assertThat(submissions()).as("submissions after the three posts with their tokens (and the revision)")
                .isEqualTo(before + 3);
        JsonNode revised = Http.get(stack.submission.url() + "/api/v1/submissions/" + asked.trackingToken()).json();
        assertThat(revised.path("status").asText()).as("the revised submission").isEqualTo("RECEIVED");
        assertThat(revised.path("revision").asInt()).isEqualTo(2);
        System.out.println("SecurityCsrfIT submission forms refused: " + refusals);
        report("submission", refusals);
    }

    @Test
    void curationFormsRefusePostsWithoutTheirSessionsToken() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        HostileCatalog catalog = new HostileCatalog(stack);
        String target = publishedResource(catalog, "csrf-cur-" + run);
        HostileCatalog.Receipt open = catalog.proposeNew(HostileCatalog.resource("csrf-open-" + run, "CSRF open " + run),
                "stays open", null, null);
        catalog.awaitInQueue(open.id());

        Map<String, Map<String, String>> forms = new LinkedHashMap<>();
        forms.put("/review/" + open.id() + "/claim", fields());
        forms.put("/review/" + open.id(), fields("outcome", "REJECT", "message", "refused by CSRF?"));
        forms.put("/resources/" + target + "/edit", fields("baseVersion", "1", "id", target, "name", "Edited " + run,
                "url", "https://example.org/" + target, "ct", "Y", "access", "OPEN", "reason", "csrf"));
        forms.put("/resources/" + target + "/revert", fields("toVersion", "1", "reason", "csrf"));
        forms.put("/resources/" + target + "/withdraw", fields("reason", "csrf"));
        forms.put("/resources/" + target + "/restore", fields("reason", "csrf"));

        SecurityWebSession curator = SecurityWebSession.loggedIn(stack.curation.url(), "/", "curator");
        SecurityWebSession otherCurator = SecurityWebSession.loggedIn(stack.curation.url(), "/", "curator");
        String token = curator.csrfToken("/resources/" + target);
        String otherToken = otherCurator.csrfToken("/resources/" + target);
        List<String> refusals = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            refused(curator.post(form.getKey(), form.getValue()), "no token: POST " + form.getKey(), refusals);
            refused(curator.post(form.getKey(), with(form.getValue(), "csrf-token", "forged" + token.substring(6))),
                    "forged token: POST " + form.getKey(), refusals);
            refused(curator.post(form.getKey(), with(form.getValue(), "csrf-token", otherToken)),
                    "another session's token: POST " + form.getKey(), refusals);
            // a cross-site post carries no session at all: it goes to the login and changes nothing
            HttpResponse<String> crossSite = SecurityWebSession.anonymous(stack.curation.url())
                    .post(form.getKey(), with(form.getValue(), "csrf-token", token));
            assertThat(crossSite.statusCode()).as("token without a session: POST %s", form.getKey()).isEqualTo(302);
        }
        JsonNode stillOpen = catalog.awaitInQueue(open.id());
        assertThat(stillOpen.path("status").asText()).as("the open submission").isEqualTo("RECEIVED");
        assertThat(stillOpen.path("claimedBy").isNull()).as("the open submission is unclaimed").isTrue();
        JsonVersion version = JsonVersion.of(stack, catalog, target);
        assertThat(version.version()).as("versions of %s after refused posts", target).isEqualTo(1);

        HttpResponse<String> claimed = curator.post("/review/" + open.id() + "/claim", fields("csrf-token", token));
        assertThat(claimed.statusCode()).as("claim with the session's token: %s", excerpt(claimed.body())).isEqualTo(303);
        JsonNode claimedItem = catalog.awaitInQueue(open.id());
        assertThat(claimedItem.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(claimedItem.path("claimedBy").asText()).isEqualTo("curator");
        HttpResponse<String> withdrawn = curator.post("/resources/" + target + "/withdraw",
                fields("reason", "the right token", "csrf-token", token));
        assertThat(withdrawn.statusCode()).as("withdraw with the session's token: %s", excerpt(withdrawn.body()))
                .isEqualTo(303);
        HttpResponse<String> restored = curator.post("/resources/" + target + "/restore",
                fields("reason", "the right token", "csrf-token", token));
        assertThat(restored.statusCode()).as("restore with the session's token").isEqualTo(303);
        assertThat(JsonVersion.of(stack, catalog, target).version()).isEqualTo(3);
        catalog.decide(open.id(), "REJECT", "the CSRF check is over");
        System.out.println("SecurityCsrfIT curation forms refused: " + refusals);
        report("curation", refusals);
    }

    /** Appends this service's refusals to target/reliability/security-csrf.md. */
    private static synchronized void report(String service, List<String> refusals) {
        java.nio.file.Path file = HostileInputIT.reliability().resolve("security-csrf.md");
        String previous = "";
        try {
            previous = java.nio.file.Files.exists(file) ? java.nio.file.Files.readString(file) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!previous.contains("started " + STARTED)) {
            previous = "# CSRF\n\nRun started " + STARTED + ". Every post below was refused with 400 \"Form expired\" and "
                    + "changed nothing; the same posts with their session's token were accepted.\n";
        }
        HostileTally.write(file, previous + "\n## " + service + " (" + refusals.size() + " refused posts)\n\n"
                + String.join("\n", refusals.stream().map(r -> "- " + r).toList()) + "\n");
    }

    /** The page that shows a form (the revision form is on the tracking page). */
    private static String formPage(String formPath) {
        return formPath.endsWith("/revision") ? formPath.substring(0, formPath.length() - "/revision".length()) : formPath;
    }

    private static final String STARTED = java.time.Instant.now().toString();

    private String publishedResource(HostileCatalog catalog, String id) {
        HostileCatalog.Receipt made = catalog.proposeNew(HostileCatalog.resource(id, "CSRF target " + id), "target", null, null);
        catalog.awaitInQueue(made.id());
        catalog.decide(made.id(), "ACCEPT", "target of the CSRF checks");
        catalog.awaitPublic(id, 1);
        // submission-service learns of it from the entries topic: its correction form must know it
        Http.await(stack.submission.url() + "/correct/" + id, r -> r.status() == 200, java.time.Duration.ofSeconds(60));
        return id;
    }

    private static void refused(HttpResponse<String> answer, String what, List<String> refusals) {
        assertThat(answer.statusCode()).as("%s: %s", what, excerpt(answer.body())).isEqualTo(400);
        assertThat(answer.body()).as("%s says why", what).contains("Form expired");
        refusals.add(what);
    }

    private long submissions() {
        try (var c = java.sql.DriverManager.getConnection(stack.database(stack.submission).jdbcUrl(),
                org.imagingcatalog.testsupport.postgres.TestDatabase.user(), "");
                var rs = c.createStatement().executeQuery("SELECT count(*) FROM submission")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> fields(String... keyValues) {
        return SecurityWebSession.fields(keyValues);
    }

    private static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(key, value);
        return copy;
    }

    private static String excerpt(String body) {
        return body.substring(0, Math.min(300, body.length())).replaceAll("\\s+", " ");
    }

    /** The current version of a resource in curation. */
    private record JsonVersion(int version) {
        static JsonVersion of(CatalogStack stack, HostileCatalog catalog, String id) {
            return new JsonVersion(Http.get(stack.curation.url() + "/api/v1/resources/" + id, "Authorization",
                    catalog.curatorBearer()).json().path("version").asInt());
        }
    }
}
