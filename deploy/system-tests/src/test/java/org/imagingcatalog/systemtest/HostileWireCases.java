package org.imagingcatalog.systemtest;

import static org.imagingcatalog.systemtest.HostileRequest.Expect.WIRE;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.imagingcatalog.systemtest.HostileRequest.Case;

/**
 * Requests that are not valid HTTP, to any of the three services: broken percent-escapes and raw bytes in
 * the request line, headers too big for the server, malformed header lines and lengths.
 */
final class HostileWireCases {

    private static final List<String> PREFIXES = List.of("/", "/resources/", "/api/v1/resources/", "/track/", "/new?q=",
            "/api/v1/submissions/", "/review/", "/api/v1/queue?kind=", "/export/catalog.csv?q=", "/api/v1/audit?from=",
            "/audit?curator=", "/api/v1/resources?format=");

    private final HostileValues values;
    private final List<Integer> ports;

    HostileWireCases(HostileValues values, List<Integer> ports) {
        this.values = values;
        this.ports = ports;
    }

    Case next() {
        int port = values.one(ports);
        String prefix = values.one(PREFIXES);
        HostileRequest request = HostileRequest.get().path(prefix);
        String what;
        switch (values.nextInt(6)) {
            case 0 -> {
                what = "broken percent-escape in the request line";
                request.raw(values.one(List.of("%ZZ", "%", "%G0", "a%2", "%%41", "%u0041")).getBytes(StandardCharsets.US_ASCII));
            }
            case 1 -> {
                what = "raw bytes in the request line";
                request.raw(values.one(List.of(new byte[] { (byte) 0xff, (byte) 0xfe }, new byte[] { 0x01, 0x02 },
                        new byte[] { 'a', ' ', 'b' }, new byte[] { 0x7f }, new byte[] { '<', '"', '>' , 0x00 })));
            }
            case 2 -> {
                what = "header over the server's limit";
                request.header("X-Hostile", "h".repeat(40_000 + values.nextInt(60_000)));
            }
            case 3 -> {
                what = "request line over the server's limit";
                request.path("a".repeat(10_000 + values.nextInt(20_000)));
            }
            case 4 -> {
                what = "malformed header line";
                request.header(values.one(List.of("Bad Header", "X-\u0000", "(x)", "")), "x");
            }
            default -> {
                what = "unreadable Content-Length";
                request.header("Content-Length", values.one(List.of("abc", "-1", "1, 2", "99999999999999999999999")));
            }
        }
        return request.expect("any route: " + what, WIRE, port);
    }
}
