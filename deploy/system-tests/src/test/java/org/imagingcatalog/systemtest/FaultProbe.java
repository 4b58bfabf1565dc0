package org.imagingcatalog.systemtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.imagingcatalog.testsupport.Quietly;

/**
 * One kind of request a user makes, repeated on its own thread while a fault comes and goes, with
 * every answer kept: when, which status, and whether the body gave away internals.
 */
final class FaultProbe {

    /** One answer; status 0 means no answer at all (connection refused or timed out). */
    record Answer(Instant at, int status, boolean leaksInternals, String excerpt) {
    }

    /** A Java stack trace or the names of the parts that failed, which no user should be shown. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?m)^\\s*at [\\w.$]+\\(|Caused by:|\\tat |java\\.lang\\.|java\\.sql\\.|org\\.hibernate|io\\.agroal"
                    + "|org\\.postgresql|PSQLException|SQLException|jakarta\\.|io\\.quarkus\\.|\\bStackTrace");

    final String service;
    final String what;
    private final Supplier<Http.Reply> call;
    private final List<Answer> answers = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;

    FaultProbe(String service, String what, Supplier<Http.Reply> call) {
        this.service = service;
        this.what = what;
        this.call = call;
    }

    static boolean leaksInternals(String body) {
        return body != null && INTERNALS.matcher(body).find();
    }

    void start(long pauseMillis) {
        running = true;
        thread = new Thread(() -> {
            while (running) {
                Instant at = Instant.now();
                Answer answer;
                try {
                    Http.Reply reply = call.get();
                    answer = new Answer(at, reply.status(), leaksInternals(reply.body()),
                            reply.body().substring(0, Math.min(300, reply.body().length())));
                } catch (RuntimeException e) {
                    answer = new Answer(at, 0, false, String.valueOf(e.getMessage()));
                }
                synchronized (answers) {
                    answers.add(answer);
                }
                Quietly.sleep(pauseMillis);
            }
        }, "probe-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        try {
            thread.join(35_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Answer> answers() {
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    /** Answers to requests sent from {@code from} (inclusive) to {@code to} (exclusive). */
    List<Answer> between(Instant from, Instant to) {
        return answers().stream().filter(a -> !a.at().isBefore(from) && a.at().isBefore(to)).toList();
    }

    /** The first answer with a 2xx status to a request sent at or after {@code from}, if any. */
    Instant firstSuccessFrom(Instant from) {
        return answers().stream().filter(a -> !a.at().isBefore(from) && a.status() / 100 == 2).map(Answer::at)
                .findFirst().orElse(null);
    }

    static Map<Integer, Integer> statusCounts(List<Answer> answers) {
        Map<Integer, Integer> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return counts;
    }

}
