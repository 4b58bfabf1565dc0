package org.imagingcatalog.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP/1.1 client for the drivers, timing each request on the client side. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Reply(int status, byte[] body, Map<String, java.util.List<String>> headers, long nanos) {

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + text().substring(0, Math.min(300, text().length())));
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().isEmpty() ? null : e.getValue().get(0)).findFirst().orElse(null);
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Reply get(String url, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    Reply send(String method, String url, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    Reply send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(), response.headers().map(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Reply(0, e.toString().getBytes(), Map.of(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the URL answers 200 (or the time runs out); answers whether it did. */
    boolean waitFor200(String url, long timeoutMillis, long everyMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (get(url).status() == 200) {
                return true;
            }
            Procs.sleep(everyMillis);
        }
        return false;
    }

    /** The number of matching entries in a list answer of public-web's API, whatever its field is named. */
    static long total(Reply reply) {
        if (reply.status() != 200) {
            return -1;
        }
        String header = reply.header("X-Total-Count");
        JsonNode json = reply.json();
        for (String field : new String[] {"total", "totalCount", "totalItems", "count"}) {
            if (json.has(field) && json.get(field).canConvertToLong()) {
                return json.get(field).asLong();
            }
        }
        if (header != null) {
            return Long.parseLong(header.trim());
        }
        if (json.isArray()) {
            return json.size();
        }
        return -1;
    }

    /** The items of a list answer (the array itself, or its "items"/"entries"/"resources" field). */
    static JsonNode items(JsonNode json) {
        if (json.isArray()) {
            return json;
        }
        for (String field : new String[] {"items", "entries", "resources", "results", "data"}) {
            if (json.has(field) && json.get(field).isArray()) {
                return json.get(field);
            }
        }
        return JSON.createArrayNode();
    }
}
