package org.imagingcatalog.kit.events;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.imagingcatalog.kit.metrics.ConsumerMetrics;
import org.imagingcatalog.kit.tracing.PollSpans;
import org.imagingcatalog.kit.tracing.RecordTracing;
import org.imagingcatalog.model.events.ConsumerSettings;
import org.jboss.logging.Logger;

/**
 * The one Kafka consumer loop of every service: a plain consumer on its own thread that hands each poll
 * to a handler, which commits its own transaction. Only after the handler returned are the offsets
 * committed (or, for a consumer whose offsets live in its own database, nothing is committed). A poll
 * the handler failed on is read again after a pause, never skipped; the handlers are idempotent. A traced
 * consumer handles each record in a CONSUMER span continuing the trace its headers carry ({@link PollSpans}).
 */
public final class TopicConsumer implements AutoCloseable {

    public enum State { STARTING, RUNNING, RETRYING, STOPPED }

    /** Handles one poll's records; throws to have all of them read again after a pause. */
    @FunctionalInterface
    public interface PollHandler {
        void handle(ConsumerRecords<String, String> records) throws Exception;
    }

    /** A {@link PollHandler} given the records' spans, to run each record's part inside its own. */
    @FunctionalInterface
    public interface TracedPollHandler {
        void handle(ConsumerRecords<String, String> records, PollSpans spans) throws Exception;

        /** Handles the records one at a time, each inside its span. */
        static TracedPollHandler eachRecord(java.util.function.Consumer<ConsumerRecord<String, String>> handler) {
            return (records, spans) -> records.forEach(record -> spans.within(record, () -> handler.accept(record)));
        }
    }

    /** Where a newly assigned partition starts, and what happens after each poll. */
    public interface Hooks {
        /** The default: start from the committed offset, or the beginning when none was committed. */
        Hooks COMMITTED = new Hooks() {
        };
        /** Read the whole topic on every assignment (a compacted topic whose copy must be complete). */
        Hooks FROM_START = new Hooks() {
            @Override
            public void assigned(Consumer<String, String> consumer, Collection<TopicPartition> partitions) {
                consumer.seekToBeginning(partitions);
            }
        };

        default void assigned(Consumer<String, String> consumer, Collection<TopicPartition> partitions) {
        }

        default void revoked(Collection<TopicPartition> partitions) {
        }

        /** After each poll the handler succeeded on (also an empty one). */
        default void polled(Consumer<String, String> consumer, ConsumerRecords<String, String> records) {
        }
    }

    /** How one consumer reads: its topic, group, batch size, offsets and hooks. */
    public record Settings(String topic, String bootstrapServers, String groupId, String clientId, int maxPollRecords,
            boolean commitOffsets, Hooks hooks) {

        public static Settings of(String topic, String bootstrapServers, String groupId) {
            return new Settings(topic, bootstrapServers, groupId, groupId + "-" + topic, 500, true, Hooks.COMMITTED);
        }

        public Settings maxPollRecords(int records) {
            return new Settings(topic, bootstrapServers, groupId, clientId, records, commitOffsets, hooks);
        }

        /** Offsets are stored with the state they led to, by the handler: the loop commits none. */
        public Settings offsetsKeptByHandler() {
            return new Settings(topic, bootstrapServers, groupId, clientId, maxPollRecords, false, hooks);
        }

        public Settings hooks(Hooks newHooks) {
            return new Settings(topic, bootstrapServers, groupId, clientId, maxPollRecords, commitOffsets, newHooks);
        }

        Map<String, Object> kafkaConfig() {
            Map<String, Object> config = new HashMap<>();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            return ConsumerSettings.withSharedSettings(config);
        }
    }

    private static final Logger LOG = Logger.getLogger(TopicConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final Settings settings;
    private final RecordTracing tracing;
    private final TracedPollHandler handler;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Runnable> beforeRestart = new AtomicReference<>();
    private final ConsumerMetrics metrics;
    private volatile KafkaConsumer<String, String> consumer;

    private volatile State state = State.STARTING;
    private volatile Set<Integer> partitions = Set.of();
    private volatile String lastError;

    /** An untraced consumer. */
    public TopicConsumer(Settings settings, PollHandler handler) {
        this(settings, null, (records, spans) -> handler.handle(records));
    }

    public TopicConsumer(Settings settings, RecordTracing tracing, TracedPollHandler handler) {
        this.settings = settings;
        this.tracing = tracing;
        this.handler = handler;
        this.metrics = new ConsumerMetrics(settings.topic(), settings.groupId());
        this.thread = new Thread(this::run, "consumer-" + settings.topic());
        this.thread.setDaemon(true);
    }

    public TopicConsumer start() {
        thread.start();
        return this;
    }

    /**
     * Closes the current consumer, runs {@code action} on the consumer thread, and starts a fresh consumer
     * (whose hooks position it anew), e.g. to rebuild a read model from offset 0.
     */
    public void restart(Runnable action) {
        beforeRestart.set(action);
        wakeUp();
    }

    public State state() {
        return state;
    }

    public Set<Integer> partitions() {
        return partitions;
    }

    public String lastError() {
        return lastError;
    }

    private void run() {
        while (running.get()) {
            try {
                Runnable action = beforeRestart.getAndSet(null);
                if (action != null) {
                    action.run();
                }
                consumeUntilRestart();
            } catch (RuntimeException e) {
                state = State.RETRYING;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.errorf(e, "the consumer of %s failed; it starts again", settings.topic());
                pause();
            }
        }
        state = State.STOPPED;
    }

    private void consumeUntilRestart() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(settings.kafkaConfig())) {
            consumer = kafka;
            kafka.subscribe(List.of(settings.topic()), new Rebalance(kafka));
            while (running.get() && beforeRestart.get() == null) {
                try {
                    pollOnce(kafka);
                } catch (WakeupException e) {
                    // shutdown or restart: the loop condition decides
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void pollOnce(KafkaConsumer<String, String> kafka) {
        ConsumerRecords<String, String> records = kafka.poll(POLL);
        metrics.polled(kafka);
        if (!records.isEmpty()) {
            PollSpans spans = tracing == null ? PollSpans.NONE : tracing.start(records, settings.groupId());
            try {
                handler.handle(records, spans);
                spans.end(null);
            } catch (Exception e) {
                spans.end(e);
                state = State.RETRYING;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warnf(e, "cannot handle %d records of %s yet; reading them again", records.count(), settings.topic());
                for (TopicPartition partition : records.partitions()) {
                    kafka.seek(partition, records.records(partition).get(0).offset());
                }
                pause();
                return;
            }
            if (settings.commitOffsets()) {
                commit(kafka, records);
            }
            metrics.handled(records.count());
        }
        state = State.RUNNING;
        lastError = null;
        settings.hooks().polled(kafka, records);
    }

    private void commit(KafkaConsumer<String, String> kafka, ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            var batch = records.records(partition);
            next.put(partition, new OffsetAndMetadata(batch.get(batch.size() - 1).offset() + 1));
        }
        try {
            kafka.commitSync(next);
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            // the handlers are idempotent: records read again after a lost commit change nothing
            LOG.debugf("offset commit for %s failed: %s", settings.topic(), e.toString());
        }
    }

    private void wakeUp() {
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        wakeUp();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        metrics.close();
    }

    private final class Rebalance implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> kafka;

        Rebalance(KafkaConsumer<String, String> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            settings.hooks().assigned(kafka, assigned);
            Set<Integer> numbers = new TreeSet<>();
            kafka.assignment().forEach(p -> numbers.add(p.partition()));
            partitions = Collections.unmodifiableSet(numbers);
            metrics.assigned(assigned);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            settings.hooks().revoked(revoked);
            metrics.revoked(revoked);
        }
    }
}
