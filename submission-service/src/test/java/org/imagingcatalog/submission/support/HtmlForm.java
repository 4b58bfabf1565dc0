package org.imagingcatalog.submission.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Posts a form the way a browser does: load the page (CSRF cookie + hidden token), then send. */
public final class HtmlForm {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String cookie;
    private final String token;

    private HtmlForm(String cookie, String token) {
        this.cookie = cookie;
        this.token = token;
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
        return new HtmlForm(page.getCookie("csrf-token"), m.group(1));
    }

    public Response post(String path, Map<String, String> fields) {
        return given().contentType(ContentType.URLENC).cookie("csrf-token", cookie)
                .formParams(fields).formParam("csrf-token", token)
                .redirects().follow(false)
                .when().post(path);
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
