package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * How long a curator's decision takes to reach the people who wait for it: from the click that submits
 * the form to the first answer of public-web (or of the contributor's tracking API) that shows the change.
 * Watchers poll every 20 ms on their own threads, started before the click, so the page the curator's
 * browser loads afterwards does not delay the measurement.
 */
final class JourneyLatency {

    static final String PUBLIC = "public catalog";
    static final String TRACKING = "tracking page";
    static final String MAIL = "submitter's mailbox";

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration GIVE_UP = Duration.ofSeconds(60);

    record Figure(String step, String seenBy, long millis) {
    }

    private final List<Figure> figures = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService pollers = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "journey-latency");
        thread.setDaemon(true);
        return thread;
    });

    /** Polls {@code url} until {@code shows} holds; what it shows is attributed to {@code seenBy}. */
    final class Watch {
        private final String seenBy;
        private final String url;
        private final CompletableFuture<Long> seenAt;
        private final AtomicReference<String> last = new AtomicReference<>();

        private Watch(String seenBy, String url, Predicate<Http.Reply> shows) {
            this(seenBy, url, () -> {
                Http.Reply reply = Http.get(url);
                return new Look(shows.test(reply), reply.status() + " " + reply.body());
            });
        }

        private Watch(String seenBy, String where, java.util.function.Supplier<Look> look) {
            this.seenBy = seenBy;
            this.url = where;
            this.seenAt = CompletableFuture.supplyAsync(() -> poll(look), pollers);
        }

        private Long poll(java.util.function.Supplier<Look> look) {
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                try {
                    Look seen = look.get();
                    last.set(seen.what());
                    if (seen.shows()) {
                        return System.nanoTime();
                    }
                } catch (RuntimeException e) {
                    // a refused connection or an unparsable body is "not yet"; the deadline decides
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return null;
        }
    }

    /** One look of a watch: whether the change shows, and what was seen (for the failure message). */
    record Look(boolean shows, String what) {
    }

    Watch watch(String seenBy, String url, Predicate<Http.Reply> shows) {
        return new Watch(seenBy, url, shows);
    }

    /** Watches something other than a URL (a mailbox): {@code look} is asked every poll. */
    Watch watch(String seenBy, String where, java.util.function.Supplier<Look> look) {
        return new Watch(seenBy, where, look);
    }

    /**
     * Runs the curator's click, then waits until every watch saw the change; records and returns the
     * milliseconds from the click to each watch's first sight, in order.
     */
    List<Long> click(String step, Runnable click, Watch... watches) {
        long clickedAt = System.nanoTime();
        click.run();
        List<Long> millis = new ArrayList<>();
        for (Watch watch : watches) {
            Long seenAt;
            try {
                seenAt = watch.seenAt.get(GIVE_UP.toSeconds() + 5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + watch.url, e);
            } catch (ExecutionException | TimeoutException e) {
                seenAt = null;
            }
            if (seenAt == null) {
                String last = watch.last.get();
                throw new AssertionError(step + ": the " + watch.seenBy + " did not show the change within " + GIVE_UP
                        + "; " + watch.url + " last answered " + (last == null ? "nothing"
                        : last.substring(0, Math.min(400, last.length()))));
            }
            if (seenAt < clickedAt) {
                throw new AssertionError(step + ": the " + watch.seenBy + " showed the change before the click;"
                        + " the watch does not tell the new state from the old one");
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(seenAt - clickedAt);
            figures.add(new Figure(step, watch.seenBy, ms));
            millis.add(ms);
        }
        return millis;
    }

    /** Writes the figures as Markdown (each step, then median and worst per audience) and prints them. */
    void report(Path file) {
        List<Figure> all;
        synchronized (figures) {
            all = List.copyOf(figures);
        }
        StringBuilder md = new StringBuilder();
        md.append("# Journeys: curator's click to the change being visible\n\n")
                .append("Measured by JourneysIT on the whole stack (headless Chromium, real Keycloak, Kafka, PostgreSQL),")
                .append(" polling every ").append(POLL.toMillis()).append(" ms.\n\n")
                .append("| step | seen on | ms |\n|---|---|---:|\n");
        for (Figure f : all) {
            md.append("| ").append(f.step()).append(" | ").append(f.seenBy()).append(" | ").append(f.millis()).append(" |\n");
        }
        md.append('\n');
        for (String audience : List.of(PUBLIC, TRACKING, MAIL)) {
            List<Long> values = all.stream().filter(f -> f.seenBy().equals(audience)).map(Figure::millis).sorted().toList();
            if (!values.isEmpty()) {
                md.append(String.format(Locale.ROOT, "- click to %s: %d steps, median %s ms, worst %d ms%n",
                        audience, values.size(), median(values), values.get(values.size() - 1)));
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(md);
        pollers.shutdownNow();
    }

    private static String median(List<Long> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return Long.toString(sorted.get(n / 2));
        }
        double mid = (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return mid == Math.rint(mid) ? Long.toString((long) mid) : String.format(Locale.ROOT, "%.1f", mid);
    }
}
