package org.imagingcatalog.curation.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.imagingcatalog.model.events.ConsumerSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Reads {@code catalog.submissions.v1} on its own thread. Offsets are committed only after the queue item
 * committed, so nothing is lost; a duplicate or replayed event finds its submission already queued.
 */
@ApplicationScoped
public class SubmissionConsumer {

    private static final Logger LOG = Logger.getLogger(SubmissionConsumer.class);

    @Inject
    SubmissionIntake intake;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "curation.intake.group-id", defaultValue = "curation-service")
    String groupId;
    @ConfigProperty(name = "curation.intake.poll-timeout", defaultValue = "500ms")
    Duration pollTimeout;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running.set(true);
        thread = new Thread(this::run, "submission-intake");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            thread.join(5000);
        }
    }

    private void run() {
        while (running.get()) {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config())) {
                consumer = c;
                c.subscribe(List.of(Topics.SUBMISSIONS));
                while (running.get()) {
                    ConsumerRecords<String, String> records = c.poll(pollTimeout);
                    Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                    for (TopicPartition partition : records.partitions()) {
                        List<ConsumerRecord<String, String>> batch = records.records(partition);
                        if (handle(batch)) {
                            done.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
                        } else {
                            // the database refused: read these records again after a pause
                            c.seek(partition, batch.get(0).offset());
                            pause();
                        }
                    }
                    if (!done.isEmpty()) {
                        c.commitSync(done);
                    }
                }
            } catch (WakeupException e) {
                // shutting down
            } catch (RuntimeException e) {
                LOG.warnf(e, "submission intake stopped; restarting");
                pause();
            }
        }
    }

    /** @return false if the records must be read again */
    private boolean handle(List<ConsumerRecord<String, String>> records) {
        List<SubmissionReceived> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(EventJson.read(record.value(), SubmissionReceived.class));
            } catch (RuntimeException e) {
                LOG.errorf("skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        if (events.isEmpty()) {
            return true;
        }
        try {
            List<SubmissionReceived> queued = intake.receiveAll(events);
            queued.forEach(event -> LOG.infof("queued %s submission %s", event.kind(), event.submissionId()));
            if (queued.size() < events.size()) {
                LOG.debugf("%d of %d submissions were queued already", events.size() - queued.size(), events.size());
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "cannot queue %d submissions; retrying", events.size());
            return false;
        }
    }

    private Map<String, Object> config() {
        return ConsumerSettings.withSharedSettings(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
