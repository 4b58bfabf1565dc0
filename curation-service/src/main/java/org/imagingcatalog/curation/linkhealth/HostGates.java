package org.imagingcatalog.curation.linkhealth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * What the checker owes each host: at most {@code perHostConcurrency} requests at a time, each slot resting
 * {@code perHostDelay} after its answer before the next request, and leaving the host alone while it is in back-off
 * (it failed, or asked to be left alone with {@code Retry-After}). Kept for the life of the checker, so a failing host
 * stays in back-off from one run to the next.
 */
final class HostGates {

    private final CheckerSettings settings;
    private final Clock clock;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    HostGates(CheckerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** One host's slots and back-off. */
    final class Gate {
        private final AsyncPermits slots = new AsyncPermits(settings.perHostConcurrency());
        private int failures;
        private Instant blockedUntil;

        CompletableFuture<Void> acquire() {
            return slots.acquire();
        }

        /** Frees the slot once it has rested the per-host delay. */
        void release() {
            long delay = settings.perHostDelay().toMillis();
            if (delay <= 0) {
                slots.release();
            } else {
                Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
                later.execute(slots::release);
            }
        }

        /** Until when the host is left alone, if it is now. */
        synchronized Optional<Instant> backoffUntil() {
            return blockedUntil != null && clock.instant().isBefore(blockedUntil) ? Optional.of(blockedUntil)
                    : Optional.empty();
        }

        synchronized void answered() {
            failures = 0;
            blockedUntil = null;
        }

        /** The host failed: exponential back-off, or longer where it asked for that ({@code retryAfter}). */
        synchronized Instant failed(Instant retryAfter) {
            failures++;
            long base = settings.backoffBase().toMillis();
            long factor = 1L << Math.min(failures - 1, 30);
            Duration wait = Duration.ofMillis(Math.min(settings.backoffMax().toMillis(),
                    base > settings.backoffMax().toMillis() / factor ? settings.backoffMax().toMillis() : base * factor));
            Instant until = clock.instant().plus(wait);
            if (retryAfter != null && retryAfter.isAfter(until)) {
                until = retryAfter;
            }
            blockedUntil = until;
            return until;
        }
    }

    Gate of(String host) {
        return gates.computeIfAbsent(host, h -> new Gate());
    }
}
