package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Outcome;
import org.imagingcatalog.systemtest.AuthorizationMatrixCaller.Who;
import org.imagingcatalog.systemtest.AuthorizationMatrixRoutes.Row;
import org.junit.jupiter.api.Test;

/**
 * The authorisation matrix of every route of the three services, with real Keycloak credentials: nobody,
 * the contributor, the curator and the catalog admin (logged in on Keycloak's page for browser routes,
 * bearer tokens for the API), a token that has expired, one from another realm and one issued to another
 * client. Browser routes send strangers to the Keycloak login, the API answers 401, the wrong role gets
 * 403, the right one gets its 2xx. The matrix is printed and written to target/reliability/security.md.
 * Malformed bearer tokens get a 401 problem and leave no ERROR in the services' logs.
 */
class AuthorizationMatrixIT {

    private static final List<Who> SHOWN = List.of(Who.ANONYMOUS, Who.CONTRIBUTOR, Who.CURATOR, Who.CATALOG_ADMIN,
            Who.EXPIRED, Who.OTHER_REALM, Who.OTHER_CLIENT);

    private final CatalogStack stack = CatalogStack.shared();
    private long rebuildsBefore;

    @Test
    void everyRouteAnswersEachCallerAsItsRoleAllows() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        HostileCatalog catalog = new HostileCatalog(stack);
        String resourceId = "authz-" + run;
        HostileCatalog.Receipt made = catalog.proposeNew(HostileCatalog.resource(resourceId, "Authorisation matrix " + run),
                "made for the authorisation matrix", null, null);
        catalog.awaitInQueue(made.id());
        catalog.decide(made.id(), "ACCEPT", "for the matrix");
        catalog.awaitPublic(resourceId, 1);
        // submission-service learns of it from the entries topic: its correction and withdrawal forms must know it
        Http.await(stack.submission.url() + "/correct/" + resourceId, r -> r.status() == 200, java.time.Duration.ofSeconds(60));
        HostileCatalog.Receipt openUi = catalog.proposeNew(HostileCatalog.resource("authz-ui-" + run, "Matrix UI " + run),
                "to be refused in the UI", null, null);
        HostileCatalog.Receipt openApi = catalog.proposeNew(HostileCatalog.resource("authz-api-" + run, "Matrix API " + run),
                "to be refused over the API", null, null);
        catalog.awaitInQueue(openUi.id());
        catalog.awaitInQueue(openApi.id());

        Map<Who, Map<Row, Outcome>> answers = new EnumMap<>(Who.class);
        List<Row> rows;
        try (SecurityTokens tokens = new SecurityTokens(stack.keycloakUrl)) {
            AuthorizationMatrixCaller caller = new AuthorizationMatrixCaller();
            String expiring = tokens.shortLived();
            caller.token(Who.EXPIRED, expiring);
            caller.token(Who.CONTRIBUTOR, tokens.user("contributor"));
            caller.token(Who.CURATOR, tokens.user("curator"));
            caller.token(Who.CATALOG_ADMIN, tokens.user("admin"));
            caller.token(Who.OTHER_REALM, tokens.otherRealm());
            caller.token(Who.OTHER_CLIENT, tokens.otherClient());
            for (Who who : List.of(Who.CONTRIBUTOR, Who.CURATOR, Who.CATALOG_ADMIN)) {
                String user = who == Who.CATALOG_ADMIN ? "admin" : who.label;
                caller.session(stack.curation.url(), who, SecurityWebSession.loggedIn(stack.curation.url(), "/", user));
                caller.session(stack.submission.url(), who, SecurityWebSession.loggedIn(stack.submission.url(), "/my", user));
            }
            String curatorCsrf = caller.session(stack.curation.url(), Who.CURATOR).csrfToken("/resources/" + resourceId);
            String adminCsrf = caller.session(stack.curation.url(), Who.CATALOG_ADMIN).csrfToken("/releases");
            SecurityWebSession browser = SecurityWebSession.anonymous(stack.submission.url());
            AuthorizationMatrixRoutes.FormSession submissionForm = new AuthorizationMatrixRoutes.FormSession(
                    browser.csrfToken("/new"), browser.cookie("csrf-token"));
            rebuildsBefore = rebuilds(tokens.user("admin"));
            SecurityTokens.awaitExpiry(expiring);

            rows = AuthorizationMatrixRoutes.all(new AuthorizationMatrixRoutes.Fixture(stack.submission.url(),
                    stack.curation.url(), stack.publicWeb.url(), resourceId, made.trackingToken(), openUi.id(), openApi.id(),
                    who -> who == Who.CURATOR ? curatorCsrf : who == Who.CATALOG_ADMIN ? adminCsrf : null, submissionForm,
                    () -> currentVersion(catalog, resourceId)));
            for (Row row : rows) {
                // the curator last: by then every refusal has had its chance to change something, and none may
                for (Who who : List.of(Who.ANONYMOUS, Who.CONTRIBUTOR, Who.CATALOG_ADMIN, Who.EXPIRED, Who.OTHER_REALM,
                        Who.OTHER_CLIENT, Who.CURATOR)) {
                    String url = row.service().equals("curation") ? stack.curation.url()
                            : row.service().equals("submission") ? stack.submission.url() : stack.publicWeb.url();
                    answers.computeIfAbsent(who, k -> new LinkedHashMap<>())
                            .put(row, caller.send(row.kind(), url, who, row.call().apply(who)));
                }
            }
            // the catalog-admin's rebuild (the one 202) runs to its end before any other test reads the catalog
            String admin = tokens.user("admin");
            Http.await(stack.publicWeb.url() + "/admin/rebuild", r -> r.status() == 200
                    && r.json().path("rebuilds").asLong() > rebuildsBefore && r.json().path("caughtUp").asBoolean(),
                    java.time.Duration.ofSeconds(120), "Authorization", Http.bearer(admin));
            catalog.awaitPublic(resourceId, 1);
        }

        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder("# Authorisation matrix\n\n")
                .append("Real Keycloak credentials: browser routes get a session from a login on Keycloak's page, the API ")
                .append("a bearer token. \"expired\" is a curator token that outlived its ")
                .append("5 s lifespan, \"other realm\" the master realm's admin token, \"other client\" a curator token ")
                .append("issued to a client without the service in its audience. ")
                .append("\"302 login\" is a redirect to ")
                .append("the Keycloak login page. Every cell is what the service answered; a wrong one says what was ")
                .append("expected.\n\n| service | route |");
        SHOWN.forEach(who -> table.append(' ').append(who.label).append(" |"));
        table.append("\n|---|---|").append("---|".repeat(SHOWN.size())).append('\n');
        for (Row row : rows) {
            table.append("| ").append(row.service()).append(" | ").append(row.route()).append(" |");
            for (Who who : SHOWN) {
                Outcome outcome = answers.get(who).get(row);
                String expected = AuthorizationMatrixRoutes.expected(row, who);
                table.append(' ').append(outcome.cell());
                if (!outcome.cell().equals(expected)) {
                    table.append(" (expected ").append(expected).append(')');
                    wrong.add(row.service() + " " + row.route() + " as " + who.label + ": " + outcome.cell() + ", expected "
                            + expected + " — " + outcome.body().substring(0, Math.min(200, outcome.body().length())));
                }
                table.append(" |");
            }
            table.append('\n');
        }
        table.append("\n").append(rows.size()).append(" routes × ").append(SHOWN.size()).append(" callers = ")
                .append(rows.size() * SHOWN.size()).append(" requests; ").append(wrong.size()).append(" wrong.\n");
        System.out.println(table);
        HostileTally.write(HostileInputIT.reliability().resolve("security.md"), table.toString());
        assertThat(wrong).as("cells of the authorisation matrix that differ from the contract").isEmpty();
        // only the curator's requests changed the resource: version 1, four form posts, five API calls
        assertThat(currentVersion(catalog, resourceId)).as("versions of %s after the matrix", resourceId).isEqualTo(10);
        assertThat(catalog.awaitInQueue(openUi.id()).path("status").asText()).isEqualTo("REJECTED");
        assertThat(catalog.awaitInQueue(openApi.id()).path("status").asText()).isEqualTo("REJECTED");
    }

    /**
     * Bearer tokens that are not tokens at all (garbage, cut, unsigned, a forged signature, huge) are refused with a
     * 401 problem that says why, on curation's API and public-web's rebuild, and no service logs an ERROR for them.
     */
    @Test
    void malformedBearerTokensAreRefusedWith401ProblemsAndNoErrorLogs() throws Exception {
        String real = stack.token("curator", "curator");
        String admin = stack.token("admin", "admin");
        List<String> malformed = List.of("garbage", "x.y.z", real.substring(0, real.length() / 2),
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", real.substring(0, real.lastIndexOf('.') + 1) + "AAAA",
                admin.substring(0, admin.lastIndexOf('.') + 1) + "forged" + admin.substring(admin.lastIndexOf('.') + 7),
                "%00<script>", "A".repeat(3000), "");
        List<String> routes = List.of(stack.curation.url() + "/api/v1/queue", stack.curation.url() + "/api/v1/audit",
                stack.curation.url() + "/api/v1/resources/covid-ct", stack.publicWeb.url() + "/admin/rebuild");
        Map<ServiceProcess, Long> errorsBefore = new LinkedHashMap<>();
        for (ServiceProcess service : List.of(stack.curation, stack.publicWeb)) {
            errorsBefore.put(service, errorLines(service));
        }
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (String route : routes) {
            for (String token : malformed) {
                Http.Reply reply = Http.get(route, "Authorization", "Bearer " + token);
                sent++;
                String type = reply.raw().headers().firstValue("Content-Type").orElse("");
                String challenge = reply.raw().headers().firstValue("WWW-Authenticate").orElse("");
                boolean problem = type.startsWith("application/problem+json")
                        && !reply.json().path("title").asText().isBlank() && !reply.json().path("detail").asText().isBlank();
                if (reply.status() != 401 || !problem || !challenge.startsWith("Bearer")) {
                    wrong.add(route + " with \"" + token.substring(0, Math.min(30, token.length())) + "…\": "
                            + reply.status() + " " + type + " WWW-Authenticate '" + challenge + "' "
                            + reply.body().substring(0, Math.min(200, reply.body().length())));
                }
            }
        }
        Thread.sleep(1_000); // the services' log lines are written by now
        Map<String, Long> newErrors = new LinkedHashMap<>();
        errorsBefore.forEach((service, before) -> newErrors.put(service.name(), errorLines(service) - before));
        System.out.println("AuthorizationMatrixIT malformed bearer tokens: " + sent + " requests, " + wrong.size()
                + " wrong; new ERROR log lines " + newErrors);
        assertThat(wrong).as("malformed bearer tokens not answered 401 problem+json with a Bearer challenge").isEmpty();
        assertThat(newErrors).as("ERROR lines the malformed tokens left in the logs").allSatisfy((k, v) ->
                assertThat(v).as(k).isZero());
    }

    private static long errorLines(ServiceProcess service) {
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(service.log(),
                java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.matches("^\\S+ ERROR .*")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long rebuilds(String adminToken) {
        return Http.get(stack.publicWeb.url() + "/admin/rebuild", "Authorization", Http.bearer(adminToken)).json()
                .path("rebuilds").asLong();
    }

    private int currentVersion(HostileCatalog catalog, String resourceId) {
        return Http.get(stack.curation.url() + "/api/v1/resources/" + resourceId, "Authorization", catalog.curatorBearer())
                .json().path("version").asInt();
    }
}
