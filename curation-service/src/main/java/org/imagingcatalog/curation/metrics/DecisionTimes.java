package org.imagingcatalog.curation.metrics;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

/**
 * Time from a contributor's submission (or revision) to the curator's decision on it, as a histogram. The buckets are
 * a curator's time scale (minutes to a month), not a request's. A decision counts only once its transaction
 * committed, so a refused or rolled-back decision is not measured.
 */
@Singleton
public class DecisionTimes {

    /** Fired inside the deciding transaction; observed after it committed. */
    record Decided(Duration waited) {
    }

    private final Timer timer;
    private final Event<Decided> decided;

    public DecisionTimes(MeterRegistry registry, Event<Decided> decided) {
        this.decided = decided;
        this.timer = Timer.builder("catalog.curation.time.to.decision")
                .description("Time from a submission (or its revision) to the curator's decision")
                .serviceLevelObjectives(Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(8),
                        Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(30))
                .register(registry);
    }

    /** Within the deciding transaction: the submission of {@code submittedAt} was decided at {@code decidedAt}. */
    public void decided(Instant submittedAt, Instant decidedAt) {
        decided.fire(new Decided(Duration.between(submittedAt, decidedAt)));
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Decided decision) {
        // a submission clock ahead of ours must not make a negative time
        timer.record(decision.waited().isNegative() ? Duration.ZERO : decision.waited());
    }
}
