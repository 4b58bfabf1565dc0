package org.imagingcatalog.systemtest;

import java.util.regex.Pattern;

import org.imagingcatalog.systemtest.HostileRequest.Case;
import org.imagingcatalog.systemtest.HostileRequest.Expect;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether one answer is what its case must get; {@code null} when it is, else what is wrong. */
final class HostileVerdict {

    private static final Pattern H1 = Pattern.compile("<h1[^>]*>\\s*[^<\\s]");
    private static final Pattern ALERT = Pattern.compile("role=\"alert\"[^>]*>\\s*(<[^>]+>\\s*)*[^<\\s]");
    /** Markup of the payloads that only appears if a page echoed hostile text without escaping it. */
    private static final Pattern UNESCAPED = Pattern.compile(
            "<script>window\\.__pwned|onerror=\"window\\.__pwned|<svg/onload|<iframe srcdoc|<a href=\"javascript:");

    private HostileVerdict() {
    }

    static String check(Case c, HostileWire.Answer a) {
        int status = a.status();
        if (status == 0) {
            return "no HTTP answer";
        }
        if (status >= 500) {
            return "server error " + status;
        }
        if (a.contentType().startsWith("text/html") && UNESCAPED.matcher(a.text()).find()) {
            return "hostile markup echoed unescaped in an HTML page";
        }
        Expect expect = c.expect();
        if (expect == Expect.WIRE) {
            // a lenient HTTP server may read raw bytes as Latin-1 and answer as usual: it must only stay well
            return null;
        }
        if (status == 414 || status == 431) {
            // the HTTP server's own limits (request line 4 KiB, headers 20 KiB): refused before any route, and
            // the status line is the whole message the server can give there
            return null;
        }
        if (expect == Expect.READ && status < 400) {
            return null;
        }
        if (status < 400 || status >= 500) {
            return "invalid input answered " + status;
        }
        return clearMessage(a) ? null : status + " without a clear message (" + a.contentType() + ", "
                + a.body().length + " bytes)";
    }

    /** Problem JSON with a title and a detail, or an HTML page with a heading or an alert that says why. */
    static boolean clearMessage(HostileWire.Answer a) {
        String type = a.contentType();
        if (type.startsWith("application/problem+json") || type.startsWith("application/json")) {
            try {
                JsonNode problem = Http.JSON.readTree(a.body());
                return !problem.path("title").asText().isBlank() && !problem.path("detail").asText().isBlank();
            } catch (java.io.IOException e) {
                return false;
            }
        }
        if (type.startsWith("text/html")) {
            String text = a.text();
            return H1.matcher(text).find() || ALERT.matcher(text).find();
        }
        return false;
    }
}
