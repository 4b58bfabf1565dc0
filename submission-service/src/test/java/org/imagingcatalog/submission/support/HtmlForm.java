package org.imagingcatalog.submission.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Posts a form the way a browser does: load the page (CSRF cookie + hidden token), then send. */
public final class HtmlForm {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String cookie;
    private final String token;
    private final String html;

    private HtmlForm(String cookie, String token, String html) {
        this.cookie = cookie;
        this.token = token;
        this.html = html;
    }

    /** The page as it was served. */
    public String html() {
        return html;
    }

    public static HtmlForm open(String path) {
        Response page = given().when().get(path);
        if (page.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + page.statusCode() + ": " + page.asString());
        }
        Matcher m = TOKEN.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF token in the form at " + path);
        }
        return new HtmlForm(page.getCookie("csrf-token"), m.group(1), page.asString());
    }

    public Response post(String path, Map<String, String> fields) {
        return given().contentType(ContentType.URLENC).cookie("csrf-token", cookie)
                .formParams(fields).formParam("csrf-token", token)
                .redirects().follow(false)
                .when().post(path);
    }

    /** A post with repeated fields (rows), e.g. as {@link FormValues#of} reads a served form; its token is replaced. */
    public Response postAll(String path, Map<String, List<String>> fields) {
        RequestSpecification request = given().contentType(ContentType.URLENC).cookie("csrf-token", cookie);
        fields.forEach((name, values) -> {
            if (!name.equals("csrf-token")) {
                request.formParam(name, values);
            }
        });
        return request.formParam("csrf-token", token).redirects().follow(false).when().post(path);
    }

    /** The same post without the hidden token (the cookie is still sent). */
    public Response postWithoutToken(String path, Map<String, String> fields) {
        return given().contentType(ContentType.URLENC).cookie("csrf-token", cookie)
                .formParams(fields)
                .when().post(path);
    }

    public static String trackingToken(String html) {
        Matcher m = Pattern.compile("/track/([A-Za-z0-9_-]{43})").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no tracking link in: " + html);
        }
        return m.group(1);
    }
}
