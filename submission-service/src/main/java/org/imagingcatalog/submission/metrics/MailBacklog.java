package org.imagingcatalog.submission.metrics;

import javax.sql.DataSource;

import org.imagingcatalog.kit.metrics.PendingRows;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * Decision mails queued but not yet delivered, and the age of the oldest. The sender retries with backoff, so an SMTP
 * outage shows here as a growing age long before a contributor wonders where their answer is. Read from the
 * database on a schedule, so every replica reports the same numbers.
 */
@Singleton
@Startup
public class MailBacklog {

    private final PendingRows backlog;

    public MailBacklog(DataSource dataSource, MeterRegistry registry) {
        backlog = new PendingRows("the mail backlog", "outgoing_mail", dataSource, registry, "catalog.mail",
                "Decision mails to contributors not yet delivered",
                "Age of the oldest decision mail not yet delivered (0 when none waits)");
    }

    @Scheduled(every = "${catalog.metrics.refresh-every:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        backlog.refresh();
    }
}
