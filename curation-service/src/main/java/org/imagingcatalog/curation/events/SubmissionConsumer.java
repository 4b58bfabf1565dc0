package org.imagingcatalog.curation.events;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.curation.intake.SubmissionIntake;
import org.imagingcatalog.kit.events.TopicConsumer;
import org.imagingcatalog.kit.tracing.PollSpans;
import org.imagingcatalog.kit.tracing.RecordTracing;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.kit.events.EventRecords;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Reads {@code catalog.submissions.v1} into the review queue, one intake transaction per poll. Offsets are
 * committed only after the queue items committed, so nothing is lost; a duplicate or replayed event finds its
 * submission (and round) already queued; a contributor's revision brings its submission back. An unreadable
 * record is logged and skipped. Each record's intake is a span continuing the contributor's trace; the queue item keeps
 * it, and its log line carries its trace id.
 */
@ApplicationScoped
public class SubmissionConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);
    private static final int MAX_POLL_RECORDS = 500;

    private final SubmissionIntake intake;
    private final RecordTracing tracing;
    private final TopicConsumer.Settings settings;
    private TopicConsumer consumer;

    public SubmissionConsumer(SubmissionIntake intake, RecordTracing tracing,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "curation.intake.group-id", defaultValue = "curation-service") String groupId) {
        this.intake = intake;
        this.tracing = tracing;
        this.settings = TopicConsumer.Settings.of(Topics.SUBMISSIONS, bootstrapServers, groupId)
                .maxPollRecords(MAX_POLL_RECORDS).hooks(TopicConsumer.Hooks.COMMITTED);
    }

    void start(@Observes StartupEvent event) {
        consumer = new TopicConsumer(settings, tracing, this::handle).start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (consumer != null) {
            consumer.close();
        }
    }

    private void handle(ConsumerRecords<String, String> records, PollSpans spans) {
        List<SubmissionIntake.Incoming> events = new ArrayList<>(records.count());
        Map<SubmissionReceived, ConsumerRecord<String, String>> recordOf = new IdentityHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventRecords.read(record, SubmissionReceived.class).ifPresent(event -> {
                events.add(new SubmissionIntake.Incoming(event, spans.traceparent(record)));
                recordOf.put(event, record);
            });
        }
        if (events.isEmpty()) {
            return;
        }
        int duplicates = 0;
        for (SubmissionIntake.Received received : intake.receiveAll(events)) {
            ConsumerRecord<String, String> record = recordOf.get(received.event());
            spans.span(record).setAttribute("catalog.intake.outcome", received.outcome().name());
            switch (received.outcome()) {
                case QUEUED, REVISED -> spans.within(record, () -> LOG.info(SubmissionIntake.describe(received)));
                case DUPLICATE -> duplicates++;
                case KEPT_ONLY, MISMATCHED -> spans.within(record, () -> LOG.warn(SubmissionIntake.describe(received)));
            }
        }
        if (duplicates > 0) {
            LOG.debugf("%d of %d submissions were queued already", duplicates, events.size());
        }
    }
}
