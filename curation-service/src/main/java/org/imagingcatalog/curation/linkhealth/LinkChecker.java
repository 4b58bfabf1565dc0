package org.imagingcatalog.curation.linkhealth;

import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.imagingcatalog.curation.linkhealth.HostGates.Gate;
import org.imagingcatalog.curation.linkhealth.LinkResult.Hop;
import org.imagingcatalog.curation.linkhealth.LinkResult.Outcome;
import org.imagingcatalog.model.events.LinkStatus;

/**
 * Checks addresses with the JDK's HTTP client, politely: the host's robots.txt (fetched once per host and kept),
 * at most a few requests per host at a time with a rest between them ({@link HostGates}), conditional requests
 * from what the last check stored, a clear User-Agent, timeouts, back-off for a failing host and the
 * {@code Retry-After} of a 429 or 503. Redirects are followed one by one so the chain is recorded: a permanent one
 * (301, 308) at the start of the chain means the address moved ({@code REDIRECTED}, {@code movedTo}); temporary ones
 * (302, 303, 307) are followed and the address is fine if where they lead is.
 *
 * <p>Plain Java on purpose (no CDI, no database): the service's job ({@link LinkCheckJob}) and the benchmark run the
 * same code. Requests are asynchronous, so thousands of addresses over hundreds of hosts need no thread each.
 */
public final class LinkChecker {

    private static final Pattern LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|localhost|\\[?::1]?");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^\";\\s]+)");
    private static final int ROBOTS_MAX_BYTES = 500_000;
    /** A robots.txt that could not be fetched (the host is down?) is asked again after this long. */
    private static final Duration ROBOTS_RETRY = Duration.ofMinutes(1);

    private final CheckerSettings settings;
    private final Clock clock;
    private final HttpClient client;
    private final HostGates gates;
    /** Requests in flight over all hosts: a check waiting for its host's slot holds none. */
    private final AsyncPermits connections;
    private final Map<String, Robots> robots = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    private record Robots(CompletableFuture<RobotsRules> rules, Instant until) {
    }

    public LinkChecker(CheckerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.gates = new HostGates(settings, clock);
        this.connections = new AsyncPermits(settings.maxInFlight());
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(settings.connectTimeout()).build();
    }

    /** How many addresses were not requested because they lie outside 127.0.0.0/8 while {@code loopbackOnly}. */
    public int refusedAddresses() {
        return refused.get();
    }

    /**
     * Checks every target, hosts interleaved (each waits for a slot of its host without holding a thread or a
     * connection), and hands each result to {@code onResult} on the calling thread as it comes (so the caller may store it in its own transaction); returns when all are done.
     */
    public void checkAll(List<LinkTarget> targets, Consumer<LinkResult> onResult) {
        LinkedBlockingQueue<LinkResult> done = new LinkedBlockingQueue<>();
        for (LinkTarget target : interleavedByHost(targets)) {
            check(target).whenComplete((result, error) -> {
                done.add(result != null ? result : failed(target, clock.instant(), System.nanoTime(), List.of(),
                        "checker error: " + error));
            });
        }
        for (int i = 0; i < targets.size(); i++) {
            try {
                onResult.accept(done.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Checks one address. Never completes exceptionally: what went wrong is the result. */
    public CompletableFuture<LinkResult> check(LinkTarget target) {
        Attempt attempt = new Attempt(target, clock.instant(), System.nanoTime());
        URI uri = parse(target.url());
        if (uri == null) {
            return CompletableFuture.completedFuture(attempt.failed("not an absolute http(s) address"));
        }
        return hop(attempt, uri, 0).exceptionally(e -> attempt.failed("checker error: " + describe(e)));
    }

    /** What one check has seen so far: the chain, and where permanent redirects from the start lead. */
    private final class Attempt {
        final LinkTarget target;
        final Instant started;
        final long startNanos;
        final List<Hop> chain = new ArrayList<>();
        boolean permanentSoFar = true;
        String movedTo;

        Attempt(LinkTarget target, Instant started, long startNanos) {
            this.target = target;
            this.started = started;
            this.startNanos = startNanos;
        }

        LinkResult result(Outcome outcome, LinkStatus status, Integer http, String etag, String lastModified,
                String finalUrl, PageText page, String detail) {
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
            return new LinkResult(target, outcome, status, http, List.copyOf(chain), started.truncatedTo(ChronoUnit.MICROS),
                    millis, etag, lastModified, finalUrl, movedTo, page, detail);
        }

        LinkResult failed(String detail) {
            Integer last = chain.isEmpty() ? null : chain.get(chain.size() - 1).status();
            return result(Outcome.FAILED, LinkStatus.BROKEN, last, null, null, null, null, detail);
        }

        LinkResult notAllowed(String detail) {
            return result(Outcome.NOT_ALLOWED, LinkStatus.UNCHECKED, null, null, null, null, null, detail);
        }

        LinkResult deferred(String detail) {
            return result(Outcome.DEFERRED, LinkStatus.UNCHECKED, null, null, null, null, null, detail);
        }

        LinkStatus answered() {
            return movedTo != null ? LinkStatus.REDIRECTED : LinkStatus.OK;
        }
    }

    private LinkResult failed(LinkTarget target, Instant started, long nanos, List<Hop> chain, String detail) {
        Attempt attempt = new Attempt(target, started, nanos);
        attempt.chain.addAll(chain);
        return attempt.failed(detail);
    }

    private CompletableFuture<LinkResult> hop(Attempt attempt, URI uri, int redirects) {
        if (settings.loopbackOnly() && !LOOPBACK.matcher(uri.getHost()).matches()) {
            refused.incrementAndGet();
            return CompletableFuture.completedFuture(attempt.notAllowed("not requested: " + uri.getHost()
                    + " is not on this machine, and this checker may reach 127.0.0.0/8 only"));
        }
        Gate gate = gates.of(hostOf(uri));
        Optional<Instant> backoff = gate.backoffUntil();
        if (backoff.isPresent()) {
            return CompletableFuture.completedFuture(attempt.deferred("host in back-off until " + backoff.get()));
        }
        return robots(uri, gate).thenCompose(rules -> {
            String path = pathAndQuery(uri);
            if (!rules.allows(path)) {
                return CompletableFuture.completedFuture(attempt.notAllowed(rules.reason(path)));
            }
            return gate.acquire().thenCompose(x -> {
                Optional<Instant> meanwhile = gate.backoffUntil(); // a request of the same host may have failed
                if (meanwhile.isPresent()) {
                    gate.release();
                    return CompletableFuture.completedFuture(attempt.deferred("host in back-off until " + meanwhile.get()));
                }
                return connections.acquire().thenCompose(y -> send(request(attempt.target, uri), pageBody()))
                        .whenComplete((r, e) -> {
                            connections.release();
                            gate.release();
                        })
                        .handle((response, error) -> error != null
                                ? CompletableFuture.completedFuture(networkFailure(attempt, uri, gate, error))
                                : answered(attempt, uri, gate, response, redirects))
                        .thenCompose(next -> next);
            });
        });
    }

    private LinkResult networkFailure(Attempt attempt, URI uri, Gate gate, Throwable error) {
        attempt.chain.add(new Hop(null, uri.toString()));
        gate.failed(null);
        return attempt.failed(describe(error));
    }

    private CompletableFuture<LinkResult> answered(Attempt attempt, URI uri, Gate gate, HttpResponse<byte[]> response,
            int redirects) {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        attempt.chain.add(new Hop(status, uri.toString()));
        Optional<String> retryAfter = headers.firstValue("Retry-After");
        if (status == 429 || status == 503 && retryAfter.isPresent()) {
            Instant until = gate.failed(retryAfter.map(this::retryAfter).orElse(null));
            return done(attempt.deferred("HTTP " + status + ": the host asked to wait; left alone until " + until));
        }
        if (status >= 500) {
            gate.failed(null);
            return done(attempt.failed("HTTP " + status));
        }
        gate.answered();
        Optional<String> location = headers.firstValue("Location");
        if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
            if (redirects >= settings.maxRedirects()) {
                return done(attempt.failed("more than " + settings.maxRedirects() + " redirects"));
            }
            URI next;
            try {
                next = uri.resolve(new URI(location.get().strip()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return done(attempt.failed("HTTP " + status + " to an address that is none: " + location.get()));
            }
            if (next.getHost() == null || !List.of("http", "https").contains(next.getScheme())) {
                return done(attempt.failed("HTTP " + status + " to an address that is none: " + location.get()));
            }
            boolean permanent = status == 301 || status == 308;
            if (permanent && attempt.permanentSoFar) {
                attempt.movedTo = next.toString();
            } else {
                attempt.permanentSoFar = false;
            }
            return hop(attempt, next, redirects + 1);
        }
        if (status == 304) {
            return done(attempt.result(Outcome.NOT_MODIFIED, attempt.answered(), status, attempt.target.etag(),
                    attempt.target.lastModified(), uri.toString(), null, null));
        }
        if (status >= 200 && status < 300) {
            return done(attempt.result(Outcome.ANSWERED, attempt.answered(), status, headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null), uri.toString(), text(response, uri), null));
        }
        return done(attempt.failed("HTTP " + status + (status == 404 ? " Not Found" : status == 410 ? " Gone" : "")));
    }

    private static CompletableFuture<LinkResult> done(LinkResult result) {
        return CompletableFuture.completedFuture(result);
    }

    private HttpRequest request(LinkTarget target, URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5");
        String validatedAt = target.finalUrl() != null ? target.finalUrl() : target.url();
        if (uri.toString().equals(validatedAt)) {
            if (target.etag() != null) {
                request.header("If-None-Match", target.etag());
            }
            if (target.lastModified() != null) {
                request.header("If-Modified-Since", target.lastModified());
            }
        }
        return request.build();
    }

    /** The body, for pages only: an address that serves an archive is answered by its headers alone. */
    private HttpResponse.BodyHandler<byte[]> pageBody() {
        return info -> {
            String type = info.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            boolean page = info.statusCode() >= 200 && info.statusCode() < 300 && (type.isEmpty()
                    || type.startsWith("text/html") || type.startsWith("application/xhtml") || type.startsWith("text/plain"));
            return new LimitedBody(page ? settings.maxPageBytes() : 0);
        };
    }

    private <T> CompletableFuture<HttpResponse<T>> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        // the request timeout covers the headers; this also bounds a body that trickles in
        return client.sendAsync(request, body).orTimeout(settings.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    private static PageText text(HttpResponse<byte[]> response, URI uri) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("text/html");
        Matcher charset = CHARSET.matcher(type);
        String encoding = charset.find() ? charset.group(1) : null;
        try {
            return type.toLowerCase(Locale.ROOT).startsWith("text/plain") ? PageText.ofPlain(body, encoding)
                    : PageText.ofHtml(body, encoding, uri.toString());
        } catch (RuntimeException e) {
            return null; // an unreadable page still answered: it is up, its content just cannot be compared
        }
    }

    // ---- robots.txt

    private CompletableFuture<RobotsRules> robots(URI uri, Gate gate) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Instant now = clock.instant();
        return robots.compute(origin, (key, known) -> known != null && now.isBefore(known.until()) ? known
                : new Robots(fetchRobots(origin, gate), now.plus(settings.robotsTtl()))).rules();
    }

    private CompletableFuture<RobotsRules> fetchRobots(String origin, Gate gate) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + "/robots.txt")).GET()
                .timeout(settings.requestTimeout()).header("User-Agent", settings.userAgent()).build();
        return gate.acquire().thenCompose(x -> connections.acquire())
                .thenCompose(x -> send(request, info -> new LimitedBody(info.statusCode() == 200 ? ROBOTS_MAX_BYTES : 0)))
                .whenComplete((r, e) -> {
                    connections.release();
                    gate.release();
                })
                .handle((response, error) -> {
                    if (error != null || response.statusCode() >= 500 || response.statusCode() == 429) {
                        // unknown: proceed (a host that is down fails on the page itself), and ask again soon
                        robots.computeIfPresent(origin, (k, v) -> new Robots(v.rules(), clock.instant().plus(ROBOTS_RETRY)));
                        return RobotsRules.ALLOW_ALL;
                    }
                    return response.statusCode() == 200
                            ? RobotsRules.parse(new String(response.body(), StandardCharsets.UTF_8), settings.robotsToken())
                            : RobotsRules.ALLOW_ALL; // 4xx and redirects: no rules for us
                });
    }

    // ---- helpers

    private Instant retryAfter(String value) {
        String v = value.strip();
        try {
            if (v.chars().allMatch(Character::isDigit) && !v.isEmpty()) {
                return clock.instant().plusSeconds(Math.min(Long.parseLong(v), Duration.ofDays(7).toSeconds()));
            }
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private String describe(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof HttpConnectTimeoutException) {
                return "no connection within " + settings.connectTimeout().toMillis() + " ms (timeout)";
            }
            if (e instanceof HttpTimeoutException || e instanceof TimeoutException) {
                return "no answer within " + settings.requestTimeout().toMillis() + " ms (timeout)";
            }
            if (e instanceof ConnectException) {
                return "connection refused";
            }
            if (e instanceof SSLException) {
                return "TLS error: " + e.getMessage();
            }
        }
        Throwable root = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return "network error: " + root;
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.getHost() != null && List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))
                    ? uri : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String hostOf(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT);
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** Targets in an order that visits hosts in turn, so no host's queue holds up the others. */
    static List<LinkTarget> interleavedByHost(List<LinkTarget> targets) {
        Map<String, List<LinkTarget>> byHost = new LinkedHashMap<>();
        for (LinkTarget target : targets) {
            URI uri = parse(target.url());
            byHost.computeIfAbsent(uri == null ? "" : hostOf(uri), h -> new ArrayList<>()).add(target);
        }
        List<LinkTarget> ordered = new ArrayList<>(targets.size());
        for (int round = 0; ordered.size() < targets.size(); round++) {
            for (List<LinkTarget> queue : byHost.values()) {
                if (round < queue.size()) {
                    ordered.add(queue.get(round));
                }
            }
        }
        return ordered;
    }
}
