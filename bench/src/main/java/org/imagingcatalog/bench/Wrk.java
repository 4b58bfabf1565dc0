package org.imagingcatalog.bench;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (Debian's /usr/bin/wrk) and reads requests/s, latency percentiles and errors from its output. */
final class Wrk {

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long non2xx, long socketErrors) {
    }

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    static Result run(String url, int threads, int connections, int seconds) {
        // a 30 s timeout (wrk's default is 2 s): a slow answer (a large export) counts in the latency instead of vanishing
        String out = Procs.run(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--timeout", "30s",
                "--latency", url),
                Map.of(), seconds + 60L);
        Matcher rps = RPS.matcher(out);
        if (!rps.find()) {
            throw new IllegalStateException("no Requests/sec in wrk output:\n" + out);
        }
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher socket = SOCKET.matcher(out);
        long socketErrors = 0;
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                socketErrors += Long.parseLong(socket.group(g));
            }
        }
        return new Result(Double.parseDouble(rps.group(1)), latency(out, "50%"), latency(out, "99%"),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0, socketErrors);
    }

    /** A line of wrk's "Latency Distribution", e.g. "     99%    3.21ms", in milliseconds. */
    private static double latency(String out, String percent) {
        Matcher m = Pattern.compile("^\\s*" + Pattern.quote(percent) + "\\s+([0-9.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }
}
