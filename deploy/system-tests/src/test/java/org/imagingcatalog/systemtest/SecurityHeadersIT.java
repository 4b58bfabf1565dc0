package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

/**
 * Every page of the three services (error pages included) carries the security headers: a
 * Content-Security-Policy that lets no script run, X-Content-Type-Options nosniff, a Referrer-Policy, and
 * frame protection (X-Frame-Options or CSP frame-ancestors).
 */
class SecurityHeadersIT {

    private final CatalogStack stack = CatalogStack.shared();

    @Test
    void everyPageOfEveryServiceCarriesTheSecurityHeaders() {
        String run = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        HostileCatalog catalog = new HostileCatalog(stack);
        String id = "headers-" + run;
        HostileCatalog.Receipt made = catalog.proposeNew(HostileCatalog.resource(id, "Headers " + run), "pages", null, null);
        catalog.awaitInQueue(made.id());
        catalog.decide(made.id(), "ACCEPT", "for the header checks");
        catalog.awaitPublic(id, 1);
        HostileCatalog.Receipt open = catalog.proposeNew(HostileCatalog.resource("headers-open-" + run, "Open " + run),
                "stays open", null, null);
        catalog.awaitInQueue(open.id());
        Http.await(stack.submission.url() + "/correct/" + id, r -> r.status() == 200, java.time.Duration.ofSeconds(60));

        List<String> failures = new ArrayList<>();
        StringBuilder table = new StringBuilder("| page | status | CSP | nosniff | Referrer-Policy | frames |\n|---|---|---|---|---|---|\n");
        SecurityWebSession reader = SecurityWebSession.anonymous(stack.publicWeb.url());
        for (String page : List.of("/", "/?q=covid", "/resources/" + id, "/resources/no-such-resource", "/stats", "/about",
                "/no/such/page", "/api/v1/resources", "/export/catalog.csv", "/feed.atom", "/?no-such-parameter=1",
                "/api/v1/resources?format=DICOM&annotation=segmentation")) {
            check("public-web", page, reader.get(page), failures, table);
        }
        SecurityWebSession contributor = SecurityWebSession.loggedIn(stack.submission.url(), "/my", "contributor");
        for (String page : List.of("/", "/new", "/correct/" + id, "/withdraw/" + id, "/track/" + made.trackingToken(),
                "/track/no-such-token", "/correct/no-such-resource", "/my")) {
            check("submission", page, contributor.get(page), failures, table);
        }
        SecurityWebSession curator = SecurityWebSession.loggedIn(stack.curation.url(), "/", "curator");
        for (String page : List.of("/", "/review/" + open.id(), "/resources", "/resources/" + id,
                "/resources/" + id + "/diff?from=1&to=1", "/resources/" + id + "/edit", "/audit",
                "/audit?action=NO-SUCH-ACTION", "/resources/no-such-resource")) {
            check("curation", page, curator.get(page), failures, table);
        }
        catalog.decide(open.id(), "REJECT", "the header checks are over");
        System.out.println("SecurityHeadersIT\n" + table);
        HostileTally.write(HostileInputIT.reliability().resolve("security-headers.md"),
                "# Security headers on every page\n\n" + table + "\n" + failures.size() + " pages without a header.\n");
        assertThat(failures).as("pages without a security header").isEmpty();
    }

    private static void check(String service, String page, HttpResponse<String> answer, List<String> failures,
            StringBuilder table) {
        String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
        String nosniff = answer.headers().firstValue("X-Content-Type-Options").orElse("");
        List<String> referrer = answer.headers().allValues("Referrer-Policy");
        String frameOptions = answer.headers().firstValue("X-Frame-Options").orElse("");
        String where = service + " " + page + " (" + answer.statusCode() + ")";
        if (answer.statusCode() >= 300 && answer.statusCode() < 400) {
            failures.add(where + ": expected a page, got a redirect to " + answer.headers().firstValue("Location").orElse(""));
        }
        if (!csp.contains("default-src 'none'") && !csp.contains("script-src 'none'")) {
            failures.add(where + ": Content-Security-Policy lets scripts run or is missing: '" + csp + "'");
        }
        if (csp.contains("unsafe-inline") || csp.contains("unsafe-eval")) {
            failures.add(where + ": Content-Security-Policy allows unsafe scripts: " + csp);
        }
        if (!nosniff.equalsIgnoreCase("nosniff")) {
            failures.add(where + ": X-Content-Type-Options is '" + nosniff + "'");
        }
        if (referrer.size() != 1 || !List.of("no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin")
                .contains(referrer.get(0).toLowerCase(Locale.ROOT))) {
            failures.add(where + ": Referrer-Policy is " + referrer);
        }
        boolean framesDenied = csp.contains("frame-ancestors 'none'") || csp.contains("frame-ancestors 'self'")
                || frameOptions.equalsIgnoreCase("DENY") || frameOptions.equalsIgnoreCase("SAMEORIGIN");
        if (!framesDenied) {
            failures.add(where + ": no frame protection (X-Frame-Options '" + frameOptions + "', CSP '" + csp + "')");
        }
        table.append("| ").append(service).append(' ').append(page).append(" | ").append(answer.statusCode()).append(" | ")
                .append(csp.isEmpty() ? "missing" : "yes").append(" | ").append(nosniff.isEmpty() ? "missing" : nosniff)
                .append(" | ").append(referrer.isEmpty() ? "missing" : String.join(", ", referrer)).append(" | ")
                .append(framesDenied ? "denied" : "allowed").append(" |\n");
    }
}
