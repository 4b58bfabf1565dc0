package org.imagingcatalog.curation.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
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
 * A browser-like HTTP session (cookies, no JavaScript) that logs in through the real Keycloak login page
 * with the authorization-code flow, then uses the curation UI like a person would.
 */
public final class WebSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient following;
    private final HttpClient notFollowing;

    private WebSession(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        CookieHandler cookies = new LocalhostCookies();
        following = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
        notFollowing = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** No login at all. */
    public static WebSession anonymous(String baseUrl) {
        return new WebSession(baseUrl);
    }

    /** Logs in on Keycloak's login page (user name = password for the demo users). */
    public static WebSession loggedIn(String baseUrl, String user) {
        WebSession session = new WebSession(baseUrl);
        HttpResponse<String> loginPage = session.send(session.following, HttpRequest.newBuilder(URI.create(session.baseUrl + "/")).GET());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + loginPage.uri() + ": " + loginPage.statusCode());
        }
        String postTo = action.group(1).replace("&amp;", "&");
        HttpResponse<String> afterLogin = session.send(session.following, HttpRequest.newBuilder(URI.create(postTo))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", user)))));
        if (!afterLogin.uri().toString().startsWith(session.baseUrl)) {
            String body = afterLogin.body();
            Matcher feedback = Pattern.compile("(?s)(kc-feedback-text|input-error)[^>]*>(.{0,200})").matcher(body);
            throw new IllegalStateException("login as " + user + " ended at " + afterLogin.uri() + " ("
                    + afterLogin.statusCode() + "): " + (feedback.find() ? feedback.group(2).strip() : body.substring(0, Math.min(400, body.length()))));
        }
        return session;
    }

    /** GET without following redirects. */
    public HttpResponse<String> get(String path) {
        return send(notFollowing, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** POSTs a form without following redirects. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(notFollowing, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** POSTs a form whose fields may repeat (rows of the trust fields), in order, without following redirects. */
    public HttpResponse<String> postAll(String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(notFollowing, HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token of the forms on a page (and its cookie, kept by this session). */
    public String csrfToken(String pagePath) {
        HttpResponse<String> page = get(pagePath);
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + pagePath + " (" + page.statusCode() + ")");
        }
        return m.group(1);
    }

    /**
     * The values a browser would send with the form whose action is {@code action} on this page: every input
     * (hidden ones too), textarea and selected option, as the page pre-fills them.
     */
    public static Map<String, String> formValues(String html, String action) {
        Map<String, String> values = new LinkedHashMap<>();
        formFields(html, action).forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    /**
     * Every field a browser would send with the form whose action is {@code action}, in document order, repeated
     * names (the rows of the trust fields) once per input; unticked checkboxes are not sent.
     */
    public static List<Map.Entry<String, String>> formFields(String html, String action) {
        Matcher form = Pattern.compile("(?s)<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>").matcher(html);
        if (!form.find()) {
            throw new IllegalStateException("no form with action " + action);
        }
        String body = form.group(1);
        List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        Matcher element = Pattern.compile("(?s)<input([^>]*)>|<textarea([^>]*)>(.*?)</textarea>|<select([^>]*)>(.*?)</select>")
                .matcher(body);
        while (element.find()) {
            if (element.group(1) != null) {
                String tag = element.group(1);
                String name = attribute(tag, "name");
                boolean box = "checkbox".equals(attribute(tag, "type")) || "radio".equals(attribute(tag, "type"));
                if (name != null && (!box || tag.matches("(?s).*\\schecked(\\s.*|)"))) {
                    String value = attribute(tag, "value");
                    fields.add(Map.entry(name, value == null ? "" : value));
                }
            } else if (element.group(2) != null) {
                fields.add(Map.entry(attribute(element.group(2), "name"), unescape(element.group(3))));
            } else {
                String options = element.group(5);
                Matcher selected = Pattern.compile("<option value=\"([^\"]*)\"\\s*selected").matcher(options);
                Matcher first = Pattern.compile("<option value=\"([^\"]*)\"").matcher(options);
                String value = selected.find() ? selected.group(1) : first.find() ? first.group(1) : "";
                fields.add(Map.entry(attribute(element.group(4), "name"), unescape(value)));
            }
        }
        return fields;
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? unescape(m.group(1)) : null;
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }

    public static Map<String, String> fields(Object... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
        }
        return map;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Keycloak marks its login cookies Secure (SameSite=None); browsers send them to http://localhost anyway
     * (a secure context), Java's CookieManager does not. Dropping the flag for localhost does what the browser does.
     */
    private static final class LocalhostCookies extends CookieHandler {
        private final CookieManager delegate = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return delegate.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            responseHeaders.forEach((name, values) -> headers.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            delegate.put(uri, headers);
        }
    }
}
