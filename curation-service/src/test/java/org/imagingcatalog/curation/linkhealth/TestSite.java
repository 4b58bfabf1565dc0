package org.imagingcatalog.curation.linkhealth;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A web site on a loopback address that a test starts: pages by exact path (anything else 404), every request kept
 * (path and headers), and the most requests it ever had in flight at once.
 */
public final class TestSite implements AutoCloseable {

    /** What a page does with a request. */
    @FunctionalInterface
    public interface Page {
        void answer(HttpExchange exchange) throws IOException;
    }

    public record Seen(String path, Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final String address;

    private TestSite(String address) throws IOException {
        this.address = address;
        server = HttpServer.create(new InetSocketAddress(address, 0), 100);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                String path = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
                seen.add(new Seen(path, exchange.getRequestHeaders()));
                Page page = pages.get(path);
                if (page == null) {
                    answer(exchange, 404, "text/plain", "not here");
                } else {
                    page.answer(exchange);
                }
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    /** A site on {@code address} (127.0.0.1, 127.0.0.2, ...), on a free port. */
    public static TestSite start(String address) {
        try {
            return new TestSite(address);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a test site on " + address, e);
        }
    }

    public TestSite page(String path, Page page) {
        pages.put(path, page);
        return this;
    }

    /** A page answering {@code status} with an HTML body. */
    public TestSite html(String path, String body) {
        return page(path, ex -> answer(ex, 200, "text/html; charset=utf-8", body));
    }

    public TestSite status(String path, int status) {
        return page(path, ex -> answer(ex, status, "text/plain", "status " + status));
    }

    public TestSite redirect(String path, int status, String location) {
        return page(path, ex -> {
            ex.getResponseHeaders().add("Location", location);
            answer(ex, status, "text/plain", "moved");
        });
    }

    public String url(String path) {
        return "http://" + address + ":" + server.getAddress().getPort() + path;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public long requests(String path) {
        return seen.stream().filter(s -> s.path().equals(path)).count();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    public static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 304 || bytes.length == 0 ? -1 : bytes.length);
        if (status != 304 && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
