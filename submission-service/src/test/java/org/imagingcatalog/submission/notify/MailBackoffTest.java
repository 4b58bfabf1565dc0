package org.imagingcatalog.submission.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The wait after a failed send doubles per attempt, up to the maximum. */
class MailBackoffTest {

    @Test
    void backoffDoublesUpToTheMaximum() {
        MailSender sender = new MailSender(null, null, null, "http://localhost:8081", "http://localhost:8080", 20,
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofDays(30));
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(sender.backoff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(sender.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(sender.backoff(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(sender.backoff(500)).isEqualTo(Duration.ofMinutes(5));
    }
}
