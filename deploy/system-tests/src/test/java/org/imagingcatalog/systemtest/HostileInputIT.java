package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.systemtest.HostileRequest.Case;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * At least 10,000 generated hostile requests against every form and API of the three services: random and
 * boundary values, wrong types, huge and deeply nested JSON, bytes that are not UTF-8, script and SQL
 * injection, path traversal in ids, broken headers. No answer may be a 5xx; each refusal is a 4xx with a
 * clear message; and nothing may be stored or published (rows and topic records counted before and after).
 */
class HostileInputIT {

    private static final int REQUESTS = Integer.getInteger("hostile.requests", 10_200);
    private static final int CLIENTS = 8;
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final CatalogStack stack = CatalogStack.shared();

    @Test
    void hostileRequestsAreRefusedClearlyAndStoreNothing() throws Exception {
        long seed = Long.getLong("hostile.seed", ThreadLocalRandom.current().nextLong());
        System.out.println("HostileInputIT seed " + seed + " (rerun with -Dhostile.seed=" + seed + ")");
        HostileCatalog catalog = new HostileCatalog(stack);
        String run = Long.toString(Math.abs(seed) % 1_000_000_000L, 36);

        // what the curator's cases aim at: a published resource and an open submission of this test's own
        HostileCatalog.Receipt published = catalog.proposeNew(
                HostileCatalog.resource("hostile-target-" + run, "Hostile target " + run), "target", null, null);
        catalog.awaitInQueue(published.id());
        catalog.decide(published.id(), "ACCEPT", "target of the hostile run");
        catalog.awaitPublic("hostile-target-" + run, 1);
        // what the PATCH cases aim at: a published resource of their own
        HostileCatalog.Receipt patched = catalog.proposeNew(
                HostileCatalog.resource("hostile-patch-" + run, "Hostile patch " + run), "target", null, null);
        catalog.awaitInQueue(patched.id());
        catalog.decide(patched.id(), "ACCEPT", "target of the hostile merge patches");
        catalog.awaitPublic("hostile-patch-" + run, 1);
        HostileCatalog.Receipt open = catalog.proposeNew(
                HostileCatalog.resource("hostile-open-" + run, "Hostile open " + run), "stays open", null, null);
        catalog.awaitInQueue(open.id());
        // what the revision cases aim at: a submission the curators asked to change (it stays waiting)
        HostileCatalog.Receipt asked = catalog.proposeNew(
                HostileCatalog.resource("hostile-revise-" + run, "Hostile revise " + run), "to be revised", null, null);
        catalog.awaitInQueue(asked.id());
        catalog.decide(asked.id(), "REQUEST_CHANGES", "the hostile run revises this");
        catalog.awaitStatus(asked.trackingToken(), "CHANGES_REQUESTED");
        HostileSubmissionCases.Revisions revisions = new HostileSubmissionCases.Revisions(asked.trackingToken(),
                List.of(published.trackingToken(), open.trackingToken()));

        SecurityWebSession curator = SecurityWebSession.loggedIn(stack.curation.url(), "/", "curator");
        String curatorCsrf = curator.csrfToken("/resources/hostile-target-" + run);
        HostileCurationCases.Target target = new HostileCurationCases.Target(
                catalog.curatorBearer().substring("Bearer ".length()), curator.cookieHeader(), curatorCsrf,
                "hostile-target-" + run, 1, open.id(), published.id(), stack.token("admin", "admin"),
                "hostile-patch-" + run);
        HostileSubmissionCases.FormSession form = formSession();
        List<String> publishedIds = catalog.publishedIds();

        List<Case> cases = new HostileCases(seed, form, revisions, target, publishedIds, port(stack.submission),
                port(stack.curation), port(stack.publicWeb)).generate(REQUESTS);
        Map<String, Long> before = quietSnapshot();

        HostileTally tally = new HostileTally();
        tally.name(port(stack.submission), "submission");
        tally.name(port(stack.curation), "curation");
        tally.name(port(stack.publicWeb), "public-web");
        Instant start = Instant.now();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = cases.stream().map(c -> clients.submit(() -> {
                HostileWire.Answer answer = new HostileWire(c.port()).send(c.request());
                tally.record(c, answer, HostileVerdict.check(c, answer));
            })).<Future<?>>map(f -> f).toList();
            for (Future<?> f : sent) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        Duration took = Duration.between(start, Instant.now());

        Thread.sleep(3_000); // anything stored would reach the outbox, the topics and the other services by now
        Map<String, Long> after = HostileStoreSnapshot.take(stack);
        String report = tally.report(seed, took, before, after);
        System.out.println(report);
        HostileTally.write(reliability().resolve("hostile.md"), report);

        catalog.decide(open.id(), "REJECT", "the hostile run is over");

        assertThat(tally.total()).isGreaterThanOrEqualTo(10_000);
        assertThat(tally.failures()).as("%d of %d answers were wrong (seed %d)", tally.failureCount(), tally.total(), seed)
                .isEmpty();
        assertThat(after).as("what the catalog holds after the hostile run (seed %d)", seed).isEqualTo(before);
        JsonNode stillAsked = Http.get(stack.submission.url() + "/api/v1/submissions/" + asked.trackingToken()).json();
        assertThat(stillAsked.path("status").asText()).as("the submission the revisions aimed at").isEqualTo("CHANGES_REQUESTED");
        assertThat(stillAsked.path("revision").asInt()).isEqualTo(1);
        assertThat(catalog.awaitInQueue(open.id()).path("claimedBy").isNull()).as("the open submission, never claimed")
                .isTrue();
    }

    /**
     * Bytes that are not UTF-8 (and half a surrogate pair) are refused even when everything else in the
     * submission is valid: the decoders would otherwise store U+FFFD in their place.
     */
    @Test
    void textThatIsNotUtf8IsRefusedEvenInAnOtherwiseValidSubmission() throws Exception {
        HostileCatalog catalog = new HostileCatalog(stack);
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        long before = HostileStoreSnapshot.take(stack).get("submissions");

        String valid = "{\"kind\":\"NEW\",\"comment\":\"fine\",\"proposed\":"
                + HostileCatalog.resource("utf8-" + run, "UTF-8 probe " + run).put("description", "DESCRIPTION") + "}";
        byte[] head = valid.substring(0, valid.indexOf("DESCRIPTION")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = valid.substring(valid.indexOf("DESCRIPTION") + "DESCRIPTION".length())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(new byte[] { 'a', (byte) 0xff, (byte) 0xfe, 'b' });
        body.writeBytes(tail);
        HostileWire.Answer notUtf8 = new HostileWire(port(stack.submission)).send(HostileRequest.method("POST")
                .path("/api/v1/submissions").body("application/json", body.toByteArray())
                .expect("", HostileRequest.Expect.REFUSED, 0).request());
        assertThat(notUtf8.status()).as("API, bytes 0xFF 0xFE in the description: %s", notUtf8.text()).isEqualTo(400);
        assertThat(notUtf8.text()).contains("proposed.description");

        HostileWire.Answer surrogate = new HostileWire(port(stack.submission)).send(HostileRequest.method("POST")
                .path("/api/v1/submissions").json(valid.replace("DESCRIPTION", "half a pair \\ud800 here"))
                .expect("", HostileRequest.Expect.REFUSED, 0).request());
        assertThat(surrogate.status()).as("API, an unpaired surrogate: %s", surrogate.text()).isEqualTo(400);

        HostileSubmissionCases.FormSession form = formSession();
        HostileWire.Answer formAnswer = new HostileWire(port(stack.submission)).send(HostileRequest.method("POST")
                .path("/new").header("Cookie", "csrf-token=" + form.cookie())
                .form(new HostileForm().put("csrf-token", form.token()).put("name", "UTF-8 form probe " + run)
                        .put("url", "https://example.org/utf8-form-" + run)
                        .putInvalidUtf8("description", "bytes ", new byte[] { (byte) 0xc3, (byte) 0x28 }))
                .expect("", HostileRequest.Expect.REFUSED, 0).request());
        assertThat(formAnswer.status()).as("form, bytes 0xC3 0x28 in the description").isEqualTo(400);
        assertThat(formAnswer.text()).contains("not valid UTF-8");

        assertThat(HostileStoreSnapshot.take(stack).get("submissions")).as("submissions stored").isEqualTo(before);
        // the same submission in proper UTF-8 is accepted: the refusals were the encoding's
        catalog.propose((com.fasterxml.jackson.databind.node.ObjectNode) Http.JSON.readTree(
                valid.replace("DESCRIPTION", "proper UTF-8: é ü 😀")));
    }

    /**
     * A merge patch is checked like every other edit: the merged resource must pass the contract's rules (a web
     * address, single-line text within its limits, at most 30 list items, counts in range), or the PATCH is a 400
     * naming the field and no version is made.
     */
    @Test
    void mergePatchesAreCheckedLikeEveryOtherEdit() {
        HostileCatalog catalog = new HostileCatalog(stack);
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String id = "patch-rules-" + run;
        HostileCatalog.Receipt made = catalog.proposeNew(HostileCatalog.resource(id, "Patch rules " + run), "target", null,
                null);
        catalog.awaitInQueue(made.id());
        catalog.decide(made.id(), "ACCEPT", "target of the merge patch rules");
        catalog.awaitPublic(id, 1);
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            tags.append(i == 0 ? "\"" : ",\"").append("tag-").append(i).append('"');
        }
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("name", "{\"name\":\"line\\nbreak\"}");
        refused.put("name ", "{\"name\":\"   \"}");
        refused.put("name  ", "{\"name\":\"" + "n".repeat(201) + "\"}");
        refused.put("url", "{\"url\":\"javascript:window.__pwned=1\"}");
        refused.put("url ", "{\"url\":\"file:///etc/passwd\"}");
        refused.put("description", "{\"description\":\"" + "d".repeat(5001) + "\"}");
        refused.put("provider", "{\"provider\":\"escape\\u001b[31m\"}");
        refused.put("license", "{\"license\":\"" + "l".repeat(101) + "\"}");
        refused.put("tags", "{\"tags\":[" + tags + "]}");
        refused.put("tags ", "{\"tags\":[\"a\\nb\"]}");
        refused.put("counts.images", "{\"counts\":{\"images\":1000000000001}}");
        List<String> wrong = new java.util.ArrayList<>();
        for (Map.Entry<String, String> patch : refused.entrySet()) {
            String field = patch.getKey().strip();
            // each patch against the version then current, so one let through does not make the next ones stale
            int current = Http.get(stack.curation.url() + "/api/v1/resources/" + id, "Authorization",
                    catalog.curatorBearer()).json().path("version").asInt();
            String body = patch.getValue().substring(0, patch.getValue().length() - 1) + ",\"reason\":\"patch rules\"}";
            HostileWire.Answer answer = new HostileWire(port(stack.curation)).send(HostileRequest.method("PATCH")
                    .path("/api/v1/resources/").segment(id).body("application/merge-patch+json",
                            body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .header("If-Match", "\"" + current + "\"").header("Authorization", catalog.curatorBearer())
                    .expect("", HostileRequest.Expect.REFUSED, 0).request());
            if (answer.status() != 400 || !answer.text().contains("\"" + field)) {
                wrong.add(field + " (" + body.substring(0, Math.min(60, body.length())) + "…): " + answer.status() + " "
                        + answer.text().substring(0, Math.min(160, answer.text().length())));
            }
        }
        int version = Http.get(stack.curation.url() + "/api/v1/resources/" + id, "Authorization", catalog.curatorBearer())
                .json().path("version").asInt();
        System.out.println("HostileInputIT merge patches against the rules: " + refused.size() + " sent, " + wrong.size()
                + " not refused as 400 naming the field; version now " + version + (wrong.isEmpty() ? "" : ": " + wrong));
        assertThat(wrong).as("merge patches that break the contract's rules, not refused as a 400 naming the field")
                .isEmpty();
        assertThat(version).as("versions of %s", id).isEqualTo(1);
    }

    /**
     * PATCH takes a JSON Merge Patch and nothing else: any other media type, or none at all, is a 415 with a
     * problem that says so, and no version is made.
     */
    @Test
    void patchTakesOnlyMergePatchJson() throws Exception {
        HostileCatalog catalog = new HostileCatalog(stack);
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String id = "patch-type-" + run;
        HostileCatalog.Receipt made = catalog.proposeNew(HostileCatalog.resource(id, "Patch type " + run), "target", null,
                null);
        catalog.awaitInQueue(made.id());
        catalog.decide(made.id(), "ACCEPT", "target of the media type checks");
        catalog.awaitPublic(id, 1);
        byte[] body = "{\"description\":\"Patched with the wrong type.\",\"reason\":\"media type\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> wrong = new java.util.ArrayList<>();
        for (String type : java.util.Arrays.asList(null, "application/json", "text/plain", "application/json-patch+json",
                "application/merge-patch+xml")) {
            HostileWire.Answer answer = new HostileWire(port(stack.curation)).send(HostileRequest.method("PATCH")
                    .path("/api/v1/resources/").segment(id).body(type, body).header("If-Match", "\"1\"")
                    .header("Authorization", catalog.curatorBearer()).expect("", HostileRequest.Expect.REFUSED, 0).request());
            if (answer.status() != 415 || !HostileVerdict.clearMessage(answer)) {
                wrong.add((type == null ? "no Content-Type" : type) + ": " + answer.status());
            }
        }
        int version = Http.get(stack.curation.url() + "/api/v1/resources/" + id, "Authorization", catalog.curatorBearer())
                .json().path("version").asInt();
        System.out.println("HostileInputIT PATCH media types: 5 sent, " + wrong.size() + " not 415" + (wrong.isEmpty() ? ""
                : ": " + wrong));
        assertThat(wrong).as("PATCH bodies that are not application/merge-patch+json, not refused with 415").isEmpty();
        assertThat(version).as("versions of %s", id).isEqualTo(1);
    }

    /**
     * A parameter public-web does not know is refused by name, also when it differs from a known one only in letter
     * case and the known one is there too (a case-insensitive reading would quietly merge the two).
     */
    @Test
    void unknownParametersAreRefusedByNameEvenBesideTheirKnownSpelling() {
        List<String> wrong = new java.util.ArrayList<>();
        int sent = 0;
        for (String listing : List.of("/", "/api/v1/resources", "/export/catalog.csv", "/feed.atom")) {
            for (String[] pair : List.of(new String[] {"q=lung", "Q"}, new String[] {"ct=Y", "CT"},
                    new String[] {"format=DICOM", "Format"}, new String[] {"license=CC-BY-4.0", "LICENSE"},
                    new String[] {"q=lung", "qq"})) {
                String query = pair[0] + "&" + pair[1] + "=x";
                Http.Reply reply = Http.get(stack.publicWeb.url() + listing + "?" + query);
                sent++;
                if (reply.status() != 400 || !reply.body().contains(pair[1])) {
                    wrong.add(listing + "?" + query + ": " + reply.status());
                }
            }
        }
        System.out.println("HostileInputIT unknown parameters beside their known spelling: " + sent + " sent, "
                + wrong.size() + " not refused" + (wrong.isEmpty() ? "" : ": " + wrong));
        assertThat(wrong).as("unknown parameters that were not refused by name").isEmpty();
    }

    /** A browser's view of the /new form: the token in the form and the cookie it must come back with. */
    private HostileSubmissionCases.FormSession formSession() {
        Http.Reply page = Http.get(stack.submission.url() + "/new");
        Matcher token = CSRF_FIELD.matcher(page.body());
        assertThat(token.find()).as("the /new form carries a CSRF token").isTrue();
        String cookie = page.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("csrf-token=")).map(c -> c.substring("csrf-token=".length()).split(";")[0])
                .findFirst().orElseThrow(() -> new AssertionError("/new sets no csrf-token cookie"));
        return new HostileSubmissionCases.FormSession(token.group(1), cookie);
    }

    /** Waits until the catalog stops changing (events of earlier tests settle), then counts it. */
    private Map<String, Long> quietSnapshot() throws InterruptedException {
        Map<String, Long> last = HostileStoreSnapshot.take(stack);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(1_500);
            Map<String, Long> now = HostileStoreSnapshot.take(stack);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the catalog kept changing for a minute before the hostile run: " + last);
    }

    static int port(ServiceProcess service) {
        return Integer.parseInt(service.url().substring(service.url().lastIndexOf(':') + 1));
    }

    static Path reliability() {
        return Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize()
                .resolve("deploy/system-tests/target/reliability");
    }
}
