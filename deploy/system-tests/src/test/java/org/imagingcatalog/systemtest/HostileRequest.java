package org.imagingcatalog.systemtest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one generated request: a target (path segments and query parameters, percent-encoded as a
 * browser would, or raw where the case is about malformed bytes), headers and a body.
 */
final class HostileRequest {

    /** What the answer to a case must look like. */
    enum Expect {
        /** Invalid input: a 4xx with a clear message (problem JSON with a title, or an HTML page saying why). */
        REFUSED,
        /** A read with hostile but legal text (a search for "' OR 1=1"): served or refused, never a 5xx. */
        READ,
        /** Not valid HTTP (raw bytes or a broken escape in the request line, oversized or broken headers):
         * any answer but a 5xx; the server must stay well. */
        WIRE
    }

    /** One generated case: which route it aims at, what it must get, and the bytes to send to which port. */
    record Case(String route, Expect expect, int port, HostileWire.Request request) {
    }

    private final String method;
    private final ByteArrayOutputStream target = new ByteArrayOutputStream();
    private boolean hasQuery;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];

    private HostileRequest(String method) {
        this.method = method;
    }

    static HostileRequest get() {
        return new HostileRequest("GET");
    }

    static HostileRequest method(String method) {
        return new HostileRequest(method);
    }

    /** A literal part of the path, e.g. "/api/v1/resources/". */
    HostileRequest path(String literal) {
        target.writeBytes(literal.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** A path segment from untrusted text, percent-encoded (so "/" inside it stays data). */
    HostileRequest segment(String value) {
        target.writeBytes(encode(value).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** Bytes put into the request line as they are: broken escapes, raw non-ASCII, spaces. */
    HostileRequest raw(byte[] bytes) {
        target.writeBytes(bytes);
        return this;
    }

    HostileRequest query(String name, String value) {
        target.write(hasQuery ? '&' : '?');
        hasQuery = true;
        target.writeBytes((encode(name) + "=" + encode(value)).getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    HostileRequest header(String name, String value) {
        headers.add(new String[] { name, value });
        return this;
    }

    HostileRequest body(String contentType, byte[] bytes) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        this.body = bytes;
        return this;
    }

    HostileRequest json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HostileRequest form(HostileForm form) {
        return body("application/x-www-form-urlencoded", form.bytes());
    }

    HostileRequest.Case expect(String route, Expect expect, int port) {
        // a control character in a header value (CR, LF, NUL ...) breaks the request itself: malformed HTTP
        boolean brokenHeader = headers.stream().anyMatch(h -> h[1].chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f));
        return new Case(brokenHeader ? route + " (control character in a header)" : route,
                brokenHeader ? Expect.WIRE : expect, port, new HostileWire.Request(method, target.toByteArray(), headers, body));
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes of everything but unreserved characters. */
    static String encode(String value) {
        StringBuilder s = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                s.append((char) c);
            } else {
                s.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return s.toString();
    }
}
