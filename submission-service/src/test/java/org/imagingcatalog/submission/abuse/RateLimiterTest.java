package org.imagingcatalog.submission.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsTheLimitPerClientAndMinuteThenSaysHowLongToWait() {
        MutableClock clock = new MutableClock();
        RateLimiter limiter = new RateLimiter(2, clock);

        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        clock.now = clock.now.plusSeconds(15);
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        RateLimiter.Decision third = limiter.tryAcquire("a");
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(45);
        assertThat(limiter.tryAcquire("b").allowed()).as("another client has its own budget").isTrue();

        clock.now = clock.now.plus(Duration.ofSeconds(45));
        assertThat(limiter.tryAcquire("a").allowed()).as("a new minute").isTrue();
    }
}
