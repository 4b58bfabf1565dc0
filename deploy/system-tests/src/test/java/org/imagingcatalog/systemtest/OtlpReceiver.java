package org.imagingcatalog.systemtest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A trace collector in the test JVM: the OTLP/HTTP endpoint ({@code POST /v1/traces}, protobuf) on 127.0.0.1 that the
 * services export to, as a real collector would receive them. It reads the few fields of the OTLP trace messages the
 * tests compare (ids, parent, links, name, kind, attributes, the resource's service name) straight from the protobuf
 * wire format, field numbers as opentelemetry-proto's trace.proto and common.proto define them.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as exported; {@code kind} as OTLP numbers it (2 server, 4 producer, 5 consumer). */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
            Map<String, String> attributes, List<Link> links) {
    }

    record Link(String traceId, String spanId) {
    }

    static final int SERVER = 2;
    static final int PRODUCER = 4;
    static final int CONSUMER = 5;

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", CatalogStack.freePort()), 16);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL the services' {@code quarkus.otel.exporter.otlp.traces.endpoint} names. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            for (Field resourceSpans : Field.all(body, 1)) {
                readResourceSpans(resourceSpans.bytes);
            }
            // an empty ExportTraceServiceResponse: everything was accepted
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private void readResourceSpans(byte[] message) {
        String service = null;
        for (Field resource : Field.all(message, 1)) {
            service = attributes(resource.bytes, 1).get("service.name");
        }
        for (Field scopeSpans : Field.all(message, 2)) {
            for (Field span : Field.all(scopeSpans.bytes, 2)) {
                spans.add(readSpan(service, span.bytes));
            }
        }
    }

    private static ReceivedSpan readSpan(String service, byte[] span) {
        List<Link> links = new ArrayList<>();
        for (Field link : Field.all(span, 13)) {
            links.add(new Link(hex(Field.first(link.bytes, 1)), hex(Field.first(link.bytes, 2))));
        }
        byte[] name = Field.first(span, 5);
        List<Field> kind = Field.all(span, 6);
        return new ReceivedSpan(service, hex(Field.first(span, 1)), hex(Field.first(span, 2)), hex(Field.first(span, 4)),
                name == null ? "" : new String(name, UTF_8),
                kind.isEmpty() ? 0 : (int) kind.get(0).value(), attributes(span, 9), links);
    }

    /** The string-valued attributes (KeyValue messages) in field {@code number} of a message. */
    private static Map<String, String> attributes(byte[] message, int number) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Field keyValue : Field.all(message, number)) {
            byte[] key = Field.first(keyValue.bytes, 1);
            byte[] value = Field.first(keyValue.bytes, 2);
            byte[] string = value == null ? null : Field.first(value, 1);
            if (key != null && string != null) {
                attributes.put(new String(key, UTF_8),
                        new String(string, UTF_8));
            }
        }
        return attributes;
    }

    private static String hex(byte[] id) {
        return id == null || id.length == 0 ? "" : HexFormat.of().formatHex(id);
    }

    /** One field of a protobuf message: a varint's value, or a length-delimited field's bytes. */
    private record Field(long value, byte[] bytes) {

        static List<Field> all(byte[] message, int wanted) {
            List<Field> fields = new ArrayList<>();
            ByteBuffer in = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
            while (in.hasRemaining()) {
                long tag = varint(in);
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> {
                        long value = varint(in);
                        if (number == wanted) {
                            fields.add(new Field(value, null));
                        }
                    }
                    case 1 -> in.position(in.position() + 8);
                    case 2 -> {
                        byte[] bytes = new byte[(int) varint(in)];
                        in.get(bytes);
                        if (number == wanted) {
                            fields.add(new Field(0, bytes));
                        }
                    }
                    case 5 -> in.position(in.position() + 4);
                    default -> throw new IllegalArgumentException("not an OTLP message: wire type " + (tag & 7));
                }
            }
            return fields;
        }

        static byte[] first(byte[] message, int wanted) {
            List<Field> fields = all(message, wanted);
            return fields.isEmpty() ? null : fields.get(0).bytes;
        }

        private static long varint(ByteBuffer in) {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = in.get();
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("varint too long");
        }
    }
}
