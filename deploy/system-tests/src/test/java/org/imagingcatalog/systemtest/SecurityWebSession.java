package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP session (cookies, no JavaScript) that logs in on the real Keycloak login page with
 * the authorization-code flow, for checks that need a logged-in user's cookies without a browser.
 */
final class SecurityWebSession {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient following;
    private final HttpClient notFollowing;

    private SecurityWebSession(String baseUrl) {
        this.baseUrl = baseUrl;
        CookieHandler handler = new LocalhostCookies(cookies, baseUrl, received);
        following = HttpClient.newBuilder().cookieHandler(handler).followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        notFollowing = HttpClient.newBuilder().cookieHandler(handler).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static SecurityWebSession anonymous(String baseUrl) {
        return new SecurityWebSession(baseUrl);
    }

    /**
     * Opens {@code loginPath} (a page that needs a login), logs in as {@code user} on Keycloak's page, and
     * follows the redirects back. The demo users' password is their user name.
     */
    static SecurityWebSession loggedIn(String baseUrl, String loginPath, String user) {
        SecurityWebSession session = new SecurityWebSession(baseUrl);
        HttpResponse<String> loginPage = session.send(session.following, HttpRequest.newBuilder(URI.create(baseUrl + loginPath)));
        Matcher action = LOGIN_FORM.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form behind " + loginPath + ": " + loginPage.statusCode()
                    + " at " + loginPage.uri());
        }
        HttpResponse<String> back = session.send(session.following, HttpRequest.newBuilder(
                URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", user)))));
        if (!back.uri().toString().startsWith(baseUrl)) {
            throw new IllegalStateException("login as " + user + " ended at " + back.uri() + " (" + back.statusCode() + ")");
        }
        return session;
    }

    /** GET without following redirects. */
    HttpResponse<String> get(String path) {
        return send(notFollowing, HttpRequest.newBuilder(URI.create(baseUrl + path)));
    }

    /** POSTs a form without following redirects. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(notFollowing, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** The CSRF token in the forms of a page (its cookie stays in this session). */
    String csrfToken(String pagePath) {
        HttpResponse<String> page = get(pagePath);
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + pagePath + " (" + page.statusCode() + ")");
        }
        return m.group(1);
    }

    /** The session's cookies for the service, as one Cookie header. */
    String cookieHeader() {
        return cookies.getCookieStore().get(URI.create(baseUrl)).stream()
                .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
    }

    /** The value of one of the session's cookies for the service. */
    String cookie(String name) {
        return cookies.getCookieStore().get(URI.create(baseUrl)).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cookie " + name + " for " + baseUrl));
    }

    /** Every Set-Cookie the service (not Keycloak) sent this session, as sent. */
    List<String> setCookies() {
        return List.copyOf(received);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> fields(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keycloak on plain http marks its login cookies {@code Secure}; browsers keep them for http://localhost (a
     * secure context), Java's cookie store does not. Dropping the flag on the way in does what a browser does.
     */
    private static final class LocalhostCookies extends CookieHandler {
        private final CookieManager delegate;
        private final String serviceUrl;
        private final List<String> received;

        LocalhostCookies(CookieManager delegate, String serviceUrl, List<String> received) {
            this.delegate = delegate;
            this.serviceUrl = serviceUrl;
            this.received = received;
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            if (uri.toString().startsWith(serviceUrl)) {
                responseHeaders.forEach((name, values) -> {
                    if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                        received.addAll(values);
                    }
                });
            }
            responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            delegate.put(uri, headers);
        }
    }
}
