package org.imagingcatalog.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 written byte by byte on a plain socket. Java's HttpClient refuses what a hostile client sends
 * (malformed escapes, raw non-ASCII in the request line, invalid header bytes), so this one writes exactly
 * the bytes it is given and reads whatever comes back.
 */
final class HostileWire {

    /** A request line target, header lines and body, exactly as they go on the wire. */
    record Request(String method, byte[] target, List<String[]> headers, byte[] body) {

        String describe() {
            String shown = new String(target, StandardCharsets.ISO_8859_1);
            String sent = new String(body, 0, Math.min(body.length, 400), StandardCharsets.UTF_8)
                    .replaceAll("\\p{Cntrl}", "·");
            return method + " " + (shown.length() > 160 ? shown.substring(0, 160) + "…" : shown)
                    + (body.length == 0 ? "" : " (" + body.length + " bytes: " + sent + (body.length > 400 ? "…" : "") + ")");
        }
    }

    /** What the server answered; status 0 means the connection ended without an answer. */
    record Answer(int status, List<String[]> headers, byte[] body) {

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            headers.forEach(h -> {
                if (h[0].equalsIgnoreCase(name)) {
                    values.add(h[1]);
                }
            });
            return values;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type.toLowerCase(Locale.ROOT);
        }
    }

    private static final int MAX_BODY = 8 * 1024 * 1024;

    private final String host;
    private final int port;

    HostileWire(int port) {
        this.host = "localhost";
        this.port = port;
    }

    Answer send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write((request.method() + " ").getBytes(StandardCharsets.ISO_8859_1));
            head.write(request.target());
            head.write(" HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
            line(head, "Host", host + ":" + port);
            line(head, "Connection", "close");
            for (String[] h : request.headers()) {
                line(head, h[0], h[1]);
            }
            if (request.body().length > 0 || !"GET".equals(request.method())) {
                line(head, "Content-Length", Integer.toString(request.body().length));
            }
            head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(head.toByteArray());
            try {
                out.write(request.body());
                out.flush();
            } catch (IOException e) {
                // the server may answer (413) and close before it has read a large body: read that answer
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            return new Answer(0, List.of(), ("no answer: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Header values are written as given; characters above 0xFF are sent as their UTF-8 bytes. */
    private static void line(ByteArrayOutputStream head, String name, String value) throws IOException {
        head.write(name.getBytes(StandardCharsets.ISO_8859_1));
        head.write(": ".getBytes(StandardCharsets.ISO_8859_1));
        boolean latin1 = value.chars().allMatch(c -> c < 256);
        head.write(value.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        head.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = readAll(in);
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            return new Answer(0, List.of(), all);
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 ? parseStatus(statusLine[1]) : 0;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] { lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim() });
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("Transfer-Encoding")
                && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
        return new Answer(status, headers, chunked ? dechunk(body) : body);
    }

    private static int parseStatus(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        try {
            while ((n = in.read(buffer)) > 0 && out.size() < MAX_BODY) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer was complete (the server closed while we still wrote): keep what came
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeText, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            pos = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        return indexOf(data, pattern, 0);
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
