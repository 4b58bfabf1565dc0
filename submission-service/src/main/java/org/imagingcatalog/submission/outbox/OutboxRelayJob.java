package org.imagingcatalog.submission.outbox;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.outbox.OutboxRelay;
import org.imagingcatalog.submission.submission.SubmissionStored;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Moves outbox rows to Kafka: right after each commit, and every second for rows that are still
 * pending (the broker was down). One relay runs at a time; requests made while one runs are folded
 * into one more run, so nothing committed waits for the next tick.
 */
@ApplicationScoped
public class OutboxRelayJob {

    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final int batchSize;
    private final AtomicBoolean runRequested = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private KafkaEventSender sender;
    private OutboxRelay relay;

    public OutboxRelayJob(DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.submission.outbox.batch-size", defaultValue = "200") int batchSize) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.batchSize = batchSize;
    }

    @PostConstruct
    void init() {
        sender = new KafkaEventSender(bootstrapServers);
        relay = new OutboxRelay(dataSource, sender, batchSize);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubmissionStored stored) {
        requestRun();
    }

    @Scheduled(every = "${catalog.submission.outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        requestRun();
    }

    public void requestRun() {
        if (runRequested.compareAndSet(false, true)) {
            worker.execute(this::runOnce);
        }
    }

    private void runOnce() {
        runRequested.set(false);
        try {
            int sent;
            do {
                sent = relay.relayOnce();
            } while (sent >= batchSize);
        } catch (Exception e) {
            LOG.debugf("outbox relay paused, rows stay pending: %s", e.toString());
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        sender.close();
    }
}
