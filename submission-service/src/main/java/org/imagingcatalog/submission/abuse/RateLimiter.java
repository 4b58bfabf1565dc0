package org.imagingcatalog.submission.abuse;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed one-minute window per client address. Small and in memory: it slows floods from one
 * address; it is not meant to survive restarts or span instances.
 */
public final class RateLimiter {

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();
    private static final int SWEEP_ABOVE = 10_000;

    /** Allowed, or refused with the seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private record Window(long start, int count) {
    }

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public Decision tryAcquire(String client) {
        long now = clock.millis();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
        }
        Window window = windows.compute(client, (key, current) -> current == null || now - current.start() >= WINDOW_MILLIS
                ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
        if (window.count() <= perMinute) {
            return new Decision(true, 0);
        }
        long waitMillis = window.start() + WINDOW_MILLIS - now;
        return new Decision(false, Math.max(1, (waitMillis + 999) / 1000));
    }
}
