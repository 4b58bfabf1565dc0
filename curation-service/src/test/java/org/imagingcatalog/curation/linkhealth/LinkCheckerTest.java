package org.imagingcatalog.curation.linkhealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.imagingcatalog.curation.linkhealth.LinkResult.Hop;
import org.imagingcatalog.curation.linkhealth.LinkResult.Outcome;
import org.imagingcatalog.model.events.LinkStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/** The link checker against web sites this test starts on loopback addresses; nothing else is ever asked. */
class LinkCheckerTest {

    private static final String AGENT = "ImagingDataCatalog-LinkCheck/1.0 (+http://localhost:8080/about)";

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopSites() throws Exception {
        for (AutoCloseable site : started) {
            site.close();
        }
    }

    private TestSite site(String address) {
        TestSite site = TestSite.start(address);
        started.add(site);
        return site;
    }

    private static CheckerSettings settings(Duration requestTimeout) {
        return new CheckerSettings(AGENT, 2, Duration.ZERO, 16, Duration.ofSeconds(2), requestTimeout, 5,
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1), 100_000, true);
    }

    private static LinkChecker checker() {
        return new LinkChecker(settings(Duration.ofSeconds(5)), Clock.systemUTC());
    }

    private static LinkResult check(LinkChecker checker, String url) {
        return checker.check(LinkTarget.fresh("entry", url, LinkTarget.ENTRY)).join();
    }

    @Test
    void aPageThatAnswersIsOkWithItsTextAndTheRequestSaysWhoAsks() {
        TestSite site = site("127.0.0.1").html("/data", "<html><body><main><h1>Chest CT</h1><p>Version 2</p></main></body></html>");
        LinkResult result = check(checker(), site.url("/data"));
        assertThat(result.outcome()).isEqualTo(Outcome.ANSWERED);
        assertThat(result.status()).isEqualTo(LinkStatus.OK);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.page().text()).isEqualTo("Chest CT\nVersion 2");
        assertThat(site.seen()).extracting(s -> s.headers().getFirst("User-Agent")).containsOnly(AGENT);
    }

    @Test
    void aPermanentRedirectMovesTheAddressAndTheWholeChainIsRecorded() {
        TestSite old = site("127.0.0.2");
        TestSite now = site("127.0.0.3").redirect("/new", 302, "/new/landing").html("/new/landing", "<p>here</p>");
        old.redirect("/old", 301, now.url("/new"));
        LinkResult result = check(checker(), old.url("/old"));
        assertThat(result.status()).isEqualTo(LinkStatus.REDIRECTED);
        assertThat(result.movedTo()).isEqualTo(now.url("/new"));
        assertThat(result.chain()).containsExactly(new Hop(301, old.url("/old")), new Hop(302, now.url("/new")),
                new Hop(200, now.url("/new/landing")));
        assertThat(result.finalUrl()).isEqualTo(now.url("/new/landing"));

        TestSite permanent = site("127.0.0.4").redirect("/a", 308, "/b").html("/b", "<p>b</p>");
        assertThat(check(checker(), permanent.url("/a")).movedTo()).isEqualTo(permanent.url("/b"));
    }

    @Test
    void temporaryRedirectsAreFollowedAndTheAddressStaysOk() {
        TestSite site = site("127.0.0.5").redirect("/latest", 302, "/v3").redirect("/v3", 307, "/v3/")
                .html("/v3/", "<p>v3</p>");
        LinkResult result = check(checker(), site.url("/latest"));
        assertThat(result.status()).isEqualTo(LinkStatus.OK);
        assertThat(result.movedTo()).isNull();
        assertThat(result.chain()).extracting(Hop::status).containsExactly(302, 307, 200);
    }

    @Test
    void tooManyRedirectsAreBroken() {
        TestSite site = site("127.0.0.6").redirect("/loop", 302, "/loop");
        LinkResult result = check(checker(), site.url("/loop"));
        assertThat(result.status()).isEqualTo(LinkStatus.BROKEN);
        assertThat(result.detail()).isEqualTo("more than 5 redirects");
        assertThat(result.chain()).hasSize(6);
    }

    @Test
    void notFoundAndGoneAreBrokenWithTheirStatus() {
        TestSite site = site("127.0.0.7").status("/gone", 410);
        LinkChecker checker = checker();
        LinkResult missing = check(checker, site.url("/missing"));
        assertThat(missing.status()).isEqualTo(LinkStatus.BROKEN);
        assertThat(missing.httpStatus()).isEqualTo(404);
        assertThat(missing.detail()).isEqualTo("HTTP 404 Not Found");
        LinkResult gone = check(checker, site.url("/gone"));
        assertThat(gone.httpStatus()).isEqualTo(410);
        assertThat(gone.detail()).isEqualTo("HTTP 410 Gone");
    }

    @Test
    void aServerErrorIsBrokenAndPutsTheHostInBackOffSoItIsNotAskedAgainMeanwhile() {
        TestSite site = site("127.0.0.8").status("/a", 503).html("/b", "<p>b</p>");
        LinkChecker checker = checker();
        LinkResult failed = check(checker, site.url("/a"));
        assertThat(failed.status()).isEqualTo(LinkStatus.BROKEN);
        assertThat(failed.detail()).isEqualTo("HTTP 503");
        LinkResult later = check(checker, site.url("/b"));
        assertThat(later.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(later.checked()).isFalse();
        assertThat(site.requests("/b")).isZero();
    }

    @Test
    void a429WithRetryAfterIsNotBrokenAndTheHostIsLeftAloneUntilThen() {
        TestSite seconds = site("127.0.0.9").page("/busy", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            TestSite.answer(ex, 429, "text/plain", "slow down");
        }).html("/other", "<p>other</p>");
        LinkChecker checker = checker();
        LinkResult busy = check(checker, seconds.url("/busy"));
        assertThat(busy.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(busy.detail()).startsWith("HTTP 429: the host asked to wait; left alone until ");
        Instant until = Instant.parse(busy.detail().substring(busy.detail().lastIndexOf(' ') + 1));
        assertThat(until).isBetween(Instant.now().plusSeconds(100), Instant.now().plusSeconds(121));
        assertThat(check(checker, seconds.url("/other")).outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(seconds.requests("/other")).isZero();

        Instant date = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        TestSite httpDate = site("127.0.0.10").page("/maintenance", ex -> {
            ex.getResponseHeaders().add("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC).format(date));
            TestSite.answer(ex, 503, "text/plain", "maintenance");
        });
        LinkResult maintenance = check(checker, httpDate.url("/maintenance"));
        assertThat(maintenance.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(maintenance.detail()).endsWith("until " + date);
    }

    @Test
    void aSlowPageTimesOutAndIsBroken() {
        TestSite site = site("127.0.0.11").page("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            TestSite.answer(ex, 200, "text/html", "<p>late</p>");
        });
        LinkResult result = new LinkChecker(settings(Duration.ofMillis(300)), Clock.systemUTC())
                .check(LinkTarget.fresh("entry", site.url("/slow"), LinkTarget.ENTRY)).join();
        assertThat(result.status()).isEqualTo(LinkStatus.BROKEN);
        assertThat(result.detail()).isEqualTo("no answer within 300 ms (timeout)");
        assertThat(result.chain()).containsExactly(new Hop(null, site.url("/slow")));
    }

    @Test
    void aRefusedConnectionIsBroken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.12", 0));
            closedPort = socket.getLocalPort();
        }
        LinkResult result = check(checker(), "http://127.0.0.12:" + closedPort + "/data");
        assertThat(result.status()).isEqualTo(LinkStatus.BROKEN);
        assertThat(result.detail()).isEqualTo("connection refused");
    }

    @Test
    void robotsTxtIsFetchedOncePerHostAndItsDisallowIsRespected() {
        TestSite site = site("127.0.0.13").page("/robots.txt", ex -> TestSite.answer(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /private\n")).html("/public", "<p>open</p>").html("/private/data", "<p>no</p>");
        LinkChecker checker = checker();
        LinkResult forbidden = check(checker, site.url("/private/data"));
        assertThat(forbidden.outcome()).isEqualTo(Outcome.NOT_ALLOWED);
        assertThat(forbidden.status()).isEqualTo(LinkStatus.UNCHECKED);
        assertThat(forbidden.detail()).isEqualTo("robots.txt: Disallow: /private");
        assertThat(check(checker, site.url("/public")).status()).isEqualTo(LinkStatus.OK);
        assertThat(site.requests("/private/data")).isZero();
        assertThat(site.requests("/robots.txt")).isEqualTo(1);

        TestSite ours = site("127.0.0.14").page("/robots.txt", ex -> TestSite.answer(ex, 200, "text/plain",
                "User-agent: *\nAllow: /\n\nUser-agent: ImagingDataCatalog-LinkCheck\nDisallow: /\n")).html("/x", "<p>x</p>");
        assertThat(check(checker, ours.url("/x")).outcome()).isEqualTo(Outcome.NOT_ALLOWED);
        assertThat(ours.requests("/x")).isZero();
    }

    @Test
    void aRecheckIsAConditionalRequestAndA304KeepsWhatWasKnown() {
        TestSite site = site("127.0.0.15").page("/page", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                TestSite.answer(ex, 304, "text/html", "");
                return;
            }
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT");
            TestSite.answer(ex, 200, "text/html", "<p>the page</p>");
        });
        LinkChecker checker = checker();
        LinkResult first = check(checker, site.url("/page"));
        assertThat(first.etag()).isEqualTo("\"v1\"");
        LinkResult again = checker.check(new LinkTarget("entry", site.url("/page"), LinkTarget.ENTRY, first.etag(),
                first.lastModified(), first.finalUrl())).join();
        assertThat(again.outcome()).isEqualTo(Outcome.NOT_MODIFIED);
        assertThat(again.status()).isEqualTo(LinkStatus.OK);
        assertThat(again.httpStatus()).isEqualTo(304);
        assertThat(again.etag()).isEqualTo("\"v1\"");
        assertThat(site.seen().get(site.seen().size() - 1).headers().getFirst("If-Modified-Since"))
                .isEqualTo("Tue, 01 Dec 2026 10:00:00 GMT");
    }

    @Test
    void aCertificateNobodyVouchesForIsATlsError(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("site.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "site", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=127.0.0.16",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.16", 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", ex -> {
            TestSite.answer(ex, 200, "text/html", "<p>secret</p>");
            ex.close();
        });
        server.start();
        started.add(() -> server.stop(0));
        LinkResult result = check(checker(), "https://127.0.0.16:" + server.getAddress().getPort() + "/data");
        assertThat(result.status()).isEqualTo(LinkStatus.BROKEN);
        assertThat(result.detail()).startsWith("TLS error: ");
    }

    @Test
    void noRequestLeavesTheMachineEvenWhenARedirectPointsElsewhere() {
        TestSite site = site("127.0.0.17").redirect("/away", 301, "http://192.0.2.1/elsewhere");
        LinkChecker checker = checker();
        LinkResult away = check(checker, site.url("/away"));
        assertThat(away.outcome()).isEqualTo(Outcome.NOT_ALLOWED);
        assertThat(away.detail()).contains("192.0.2.1 is not on this machine");
        LinkResult named = check(checker, "https://example.org/data");
        assertThat(named.outcome()).isEqualTo(Outcome.NOT_ALLOWED);
        assertThat(checker.refusedAddresses()).isEqualTo(2);
        assertThat(site.requests("/away")).isEqualTo(1);
    }

    @Test
    void noHostEverSeesMoreRequestsAtOnceThanItsConcurrency() {
        TestSite site = site("127.0.0.18");
        List<LinkTarget> targets = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> {
            site.page("/slow/" + i, ex -> {
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                TestSite.answer(ex, 200, "text/html", "<p>" + i + "</p>");
            });
            targets.add(LinkTarget.fresh("e" + i, site.url("/slow/" + i), LinkTarget.ENTRY));
        });
        List<LinkResult> results = new ArrayList<>();
        checker().checkAll(targets, results::add);
        assertThat(results).hasSize(12).allSatisfy(r -> assertThat(r.status()).isEqualTo(LinkStatus.OK));
        assertThat(site.maxInFlight()).isEqualTo(2);
    }
}
