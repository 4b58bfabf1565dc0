package org.imagingcatalog.submission.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.kit.events.TopicConsumer;
import org.imagingcatalog.kit.events.TopicConsumer.TracedPollHandler;
import org.imagingcatalog.kit.tracing.RecordTracing;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.kit.events.EventRecords;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.submission.decision.DecisionService;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads {@code catalog.decisions.v1}; each decision is applied in a transaction of its own, which also queues
 * the contributor's mail (sent by {@code notify.MailSender}: this consumer never waits for SMTP), inside the span
 * that continues the decision's trace.
 */
@ApplicationScoped
public class DecisionsConsumer {

    private static final int MAX_POLL_RECORDS = 100;

    private final DecisionService decisions;
    private final RecordTracing tracing;
    private final String bootstrapServers;
    private final String groupId;
    private TopicConsumer consumer;

    public DecisionsConsumer(DecisionService decisions, RecordTracing tracing,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.submission.decisions.group-id") String groupId) {
        this.decisions = decisions;
        this.tracing = tracing;
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
    }

    void onStart(@Observes StartupEvent event) {
        consumer = new TopicConsumer(TopicConsumer.Settings.of(Topics.DECISIONS, bootstrapServers, groupId)
                .maxPollRecords(MAX_POLL_RECORDS), tracing, TracedPollHandler.eachRecord(this::handle)).start();
    }

    private void handle(ConsumerRecord<String, String> record) {
        EventRecords.read(record, SubmissionDecided.class).ifPresent(decisions::apply);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (consumer != null) {
            consumer.close();
        }
    }
}
