package org.imagingcatalog.submission.events;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.imagingcatalog.model.events.ConsumerSettings;
import org.jboss.logging.Logger;

/**
 * A plain Kafka consumer on its own thread: polls, hands each record to a handler (which commits
 * its own transaction), and commits offsets only after the handler succeeded. A failing record is
 * retried after a pause, never skipped.
 */
public final class TopicConsumer implements AutoCloseable {

    /** Handles one record; throws to have it retried. */
    @FunctionalInterface
    public interface RecordHandler {
        void handle(ConsumerRecord<String, String> record) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final RecordHandler handler;
    private final boolean replayFromStart;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param replayFromStart read the topic from its start on every assignment (for a compacted
     *        topic whose handler is idempotent and whose local copy must be complete)
     */
    public TopicConsumer(String bootstrapServers, String topic, String groupId, boolean replayFromStart,
            RecordHandler handler) {
        this.topic = topic;
        this.handler = handler;
        this.replayFromStart = replayFromStart;
        this.consumer = new KafkaConsumer<>(ConsumerSettings.withSharedSettings(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName())));
        this.thread = new Thread(this::run, "consumer-" + topic);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // offsets are committed after each handled batch
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (replayFromStart) {
                        consumer.seekToBeginning(partitions);
                    }
                }
            });
            while (running) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : records.partitions()) {
                    handlePartition(partition, records.records(partition));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "the consumer of %s stopped", topic);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handlePartition(TopicPartition partition, List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            try {
                handler.handle(record);
            } catch (Exception e) {
                LOG.warnf(e, "cannot handle %s at offset %d of partition %d yet; retrying", topic,
                        record.offset(), partition.partition());
                consumer.seek(partition, record.offset());
                commit(partition, record.offset());
                pause();
                return;
            }
        }
        commit(partition, records.get(records.size() - 1).offset() + 1);
    }

    private void commit(TopicPartition partition, long nextOffset) {
        try {
            consumer.commitSync(Map.of(partition, new org.apache.kafka.clients.consumer.OffsetAndMetadata(nextOffset)));
        } catch (RuntimeException e) {
            // the handlers are idempotent: a record read again after a lost commit changes nothing
            LOG.debugf("offset commit for %s failed: %s", partition, e.toString());
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
