package org.imagingcatalog.submission.outbox;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.outbox.KafkaEventSender;
import org.imagingcatalog.model.outbox.OutboxRelay;
import org.imagingcatalog.model.outbox.OutboxRelayLoop;
import org.imagingcatalog.submission.submission.SubmissionStored;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Moves outbox rows to Kafka with the shared relay: right after each commit, and every second for
 * rows that are still pending (the broker was down).
 */
@ApplicationScoped
public class OutboxRelayJob {

    private final DataSource dataSource;
    private final String bootstrapServers;
    private final int batchSize;
    private KafkaEventSender sender;
    private OutboxRelayLoop relayLoop;

    public OutboxRelayJob(DataSource dataSource,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.submission.outbox.batch-size", defaultValue = "200") int batchSize) {
        this.dataSource = dataSource;
        this.bootstrapServers = bootstrapServers;
        this.batchSize = batchSize;
    }

    @PostConstruct
    void init() {
        sender = new KafkaEventSender(bootstrapServers, "submission-service-outbox");
        relayLoop = new OutboxRelayLoop(new OutboxRelay(dataSource, sender, batchSize), "outbox-relay");
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubmissionStored stored) {
        requestRun();
    }

    @Scheduled(every = "${catalog.submission.outbox.relay-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() {
        requestRun();
    }

    public void requestRun() {
        relayLoop.requestRun();
    }

    void onStop(@Observes ShutdownEvent event) {
        relayLoop.close();
        sender.close();
    }
}
