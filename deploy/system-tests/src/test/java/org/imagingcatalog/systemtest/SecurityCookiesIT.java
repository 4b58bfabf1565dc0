package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.junit.jupiter.api.Test;

/**
 * The cookies the services set (CSRF tokens, the OIDC state and session cookies) are HttpOnly and
 * SameSite; public-web sets none. Outside local mode they are also Secure: the production manifests run the
 * services behind an Ingress with TLS and proxy address forwarding on, so a service started with exactly the
 * manifests' proxy settings, asked over https as the Ingress forwards it, must mark its cookies Secure.
 */
class SecurityCookiesIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern PROXY_SETTING = Pattern.compile("-\\s+(QUARKUS_HTTP_PROXY_[A-Z_]+)=(\\S+)");

    private final CatalogStack stack = CatalogStack.shared();

    @Test
    void cookiesAreHttpOnlyAndSameSiteAndPublicWebSetsNone() {
        Map<String, List<String>> cookies = new LinkedHashMap<>();
        cookies.put("submission GET /new", setCookies(get(stack.submission.url() + "/new")));
        cookies.put("submission GET /login", setCookies(get(stack.submission.url() + "/login")));
        cookies.put("curation GET /", setCookies(get(stack.curation.url() + "/")));
        cookies.put("curation after login", loginCookies(stack.curation.url(), "/", "curator"));
        cookies.put("submission after login", loginCookies(stack.submission.url(), "/my", "contributor"));
        List<String> failures = new ArrayList<>();
        cookies.forEach((where, set) -> {
            assertThat(set).as("%s sets cookies", where).isNotEmpty();
            set.stream().filter(cookie -> !isRemoval(cookie)).forEach(cookie -> {
                if (!has(cookie, "HttpOnly")) {
                    failures.add(where + ": not HttpOnly: " + cookie);
                }
                if (!cookie.toLowerCase(Locale.ROOT).matches(".*;\\s*samesite=(lax|strict).*")) {
                    failures.add(where + ": no SameSite=Lax|Strict: " + cookie);
                }
            });
        });
        for (String page : List.of("/", "/resources/covid-ct", "/api/v1/resources", "/export/catalog.csv")) {
            assertThat(setCookies(get(stack.publicWeb.url() + page))).as("public-web %s sets no cookie", page).isEmpty();
        }
        System.out.println("SecurityCookiesIT local cookies: " + shown(cookies));
        HostileTally.write(HostileInputIT.reliability().resolve("security-cookies-local.md"),
                "# Cookies, local mode (plain http)\n\n" + table(shown(cookies)));
        assertThat(failures).isEmpty();
    }

    @Test
    void behindTheProductionIngressEveryCookieIsSecure() throws Exception {
        Map<String, String> proxy = productionProxySettings();
        assertThat(proxy).as("the production manifests' proxy settings").isNotEmpty();
        try (EmbeddedKafka broker = EmbeddedKafka.create()) {
            // a broker of its own: a second curation-service would otherwise publish its seed into the shared topics
            broker.start();
            broker.createContractTopics();
            ServiceProcess submission = productionLike("submission-service", "cookies_submission", broker, proxy);
            ServiceProcess curation = productionLike("curation-service", "cookies_curation", broker, proxy);
            try {
                CompletableFuture<Void> started = CompletableFuture.runAsync(submission::start);
                curation.start();
                started.join();
                Map<String, List<String>> cookies = new LinkedHashMap<>();
                cookies.put("submission GET /new", setCookies(viaIngress(submission.url() + "/new")));
                cookies.put("submission GET /login", setCookies(viaIngress(submission.url() + "/login")));
                cookies.put("curation GET /", setCookies(viaIngress(curation.url() + "/")));
                List<String> failures = new ArrayList<>();
                cookies.forEach((where, set) -> {
                    assertThat(set).as("%s sets cookies", where).isNotEmpty();
                    set.stream().filter(c -> !isRemoval(c) && !has(c, "Secure"))
                            .forEach(c -> failures.add(where + ": not Secure: " + c));
                });
                // the same instance over plain http (local mode): no Secure flag, or browsers would drop the cookie
                assertThat(setCookies(get(submission.url() + "/new"))).as("over plain http")
                        .noneMatch(c -> has(c, "Secure"));
                System.out.println("SecurityCookiesIT cookies behind the Ingress (https): " + shown(cookies));
                HostileTally.write(HostileInputIT.reliability().resolve("security-cookies-ingress.md"),
                        "# Cookies behind the Ingress (https, the production manifests' proxy settings " + proxy.keySet()
                                + ")\n\n" + table(shown(cookies)));
                assertThat(failures).isEmpty();
            } finally {
                submission.stop();
                curation.stop();
            }
        }
    }

    /** A service started like the stack's, on the given broker, with the production manifests' proxy settings. */
    private ServiceProcess productionLike(String service, String database, EmbeddedKafka broker, Map<String, String> proxy) {
        ServiceProcess process = stack.extraInstance(service, "behind-ingress", stack.newDatabase(database))
                .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        proxy.forEach(process::env);
        return process;
    }

    /** QUARKUS_HTTP_PROXY_* of the catalog-common config map in deploy/kubernetes/base. */
    private static Map<String, String> productionProxySettings() {
        Path root = Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize();
        try {
            String manifest = Files.readString(root.resolve("deploy/kubernetes/base/kustomization.yaml"));
            Map<String, String> settings = new LinkedHashMap<>();
            Matcher m = PROXY_SETTING.matcher(manifest);
            while (m.find()) {
                settings.put(m.group(1), m.group(2));
            }
            return settings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request as the Ingress forwards a browser's https request. */
    private static HttpResponse<String> viaIngress(String url) {
        URI uri = URI.create(url);
        return send(HttpRequest.newBuilder(uri).header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", uri.getHost() + ":" + uri.getPort()).GET());
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    /** Every Set-Cookie a browser got while logging in (Keycloak's own cookies aside). */
    private static List<String> loginCookies(String serviceUrl, String path, String user) {
        List<String> seen = new ArrayList<>();
        HttpResponse<String> first = get(serviceUrl + path);
        seen.addAll(setCookies(first));
        SecurityWebSession session = SecurityWebSession.loggedIn(serviceUrl, path, user);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(serviceUrl + path))
                .header("Cookie", session.cookieHeader()).GET());
        seen.addAll(setCookies(page));
        seen.addAll(session.setCookies());
        return seen;
    }

    private static String table(Map<String, List<String>> cookies) {
        StringBuilder s = new StringBuilder("| where | Set-Cookie (value left out) |\n|---|---|\n");
        cookies.forEach((where, set) -> set.forEach(c -> s.append("| ").append(where).append(" | `").append(c)
                .append("` |\n")));
        return s.toString();
    }

    /** A Set-Cookie that deletes a cookie (empty value, Max-Age=0) carries nothing to protect. */
    private static boolean isRemoval(String cookie) {
        return cookie.matches("^[^=]+=;.*") && cookie.toLowerCase(Locale.ROOT).contains("max-age=0");
    }

    /** Each cookie's name and attributes, its value left out. */
    private static Map<String, List<String>> shown(Map<String, List<String>> cookies) {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        cookies.forEach((where, set) -> shown.put(where, set.stream()
                .map(c -> c.replaceFirst("=[^;]*", "=…").replaceAll(";\\s*(Max-Age|Expires)=[^;]*", "")).toList()));
        return shown;
    }

    private static List<String> setCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private static boolean has(String cookie, String attribute) {
        for (String part : cookie.split(";")) {
            if (part.trim().equalsIgnoreCase(attribute)) {
                return true;
            }
        }
        return false;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
