package org.imagingcatalog.publicweb.readmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.imagingcatalog.model.events.ConsumerSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.publicweb.readmodel.ReadModelStatus.State;
import org.imagingcatalog.publicweb.web.CatalogVersion;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Keeps the read model in step with the compacted {@code catalog.entries.v1}. A plain consumer loop on
 * its own thread: on every partition assignment it seeks to the offset stored in PostgreSQL (or the
 * beginning when none is stored), so an empty database always rebuilds the whole catalog, whatever the
 * consumer group committed. A rebuild empties the read model and starts a fresh consumer, exactly as
 * a restart with an empty database would.
 */
@ApplicationScoped
public class EntryConsumer {

    private static final Logger LOG = Logger.getLogger(EntryConsumer.class);
    private static final String TOPIC = Topics.ENTRIES;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long RETRY_PAUSE_MS = 1000;

    private final ReadModelStore store;
    private final CatalogVersion catalogVersion;
    private final String bootstrapServers;
    private final String groupId;
    private final int maxPollRecords;
    private final boolean rebuildOnStart;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;

    private volatile State state = State.STARTING;
    private volatile Set<Integer> partitions = Set.of();
    private volatile boolean caughtUp;
    private volatile long rebuilds;
    private volatile long eventsApplied;
    private volatile String lastError;

    public EntryConsumer(ReadModelStore store, CatalogVersion catalogVersion,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "catalog.readmodel.group-id", defaultValue = "public-web") String groupId,
            @ConfigProperty(name = "catalog.readmodel.max-poll-records", defaultValue = "2000") int maxPollRecords,
            @ConfigProperty(name = "catalog.readmodel.rebuild-on-start", defaultValue = "false") boolean rebuildOnStart) {
        this.store = store;
        this.catalogVersion = catalogVersion;
        this.bootstrapServers = bootstrapServers;
        this.groupId = groupId;
        this.maxPollRecords = maxPollRecords;
        this.rebuildOnStart = rebuildOnStart;
    }

    void start(@Observes StartupEvent startup) {
        rebuildRequested.set(rebuildOnStart);
        running.set(true);
        thread = new Thread(this::run, "entry-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running.set(false);
        wakeUp();
        Thread current = thread;
        if (current != null) {
            current.join(10_000);
        }
    }

    /** Asks for a rebuild from offset 0; the consumer thread does it at once. */
    public void requestRebuild() {
        rebuildRequested.set(true);
        wakeUp();
    }

    public ReadModelStatus status() {
        return new ReadModelStatus(state, partitions, caughtUp, rebuilds, eventsApplied, lastError);
    }

    private void wakeUp() {
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void run() {
        while (running.get()) {
            try {
                if (rebuildRequested.getAndSet(false)) {
                    rebuild();
                }
                consumeUntilRestart();
            } catch (RuntimeException e) {
                state = State.RETRYING;
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.errorf(e, "the entry consumer failed; it resumes from the stored offsets");
                pause();
            }
        }
        state = State.STOPPED;
    }

    private void rebuild() {
        caughtUp = false;
        catalogVersion.changed(store.truncate());
        rebuilds++;
        LOG.infof("read model emptied: rebuilding from %s offset 0", TOPIC);
    }

    /** Consumes with one consumer until shutdown, a rebuild request or an error. */
    private void consumeUntilRestart() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config())) {
            consumer = kafka;
            kafka.subscribe(List.of(TOPIC), new SeekToStoredOffsets(kafka));
            while (running.get() && !rebuildRequested.get()) {
                try {
                    ConsumerRecords<String, String> records = kafka.poll(POLL);
                    if (!records.isEmpty()) {
                        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
                        records.forEach(batch::add);
                        store.apply(TOPIC, batch).ifPresent(catalogVersion::changed);
                        eventsApplied += records.count();
                    }
                    state = State.RUNNING;
                    lastError = null;
                    caughtUp = records.isEmpty() && caughtUp(kafka);
                    if (caughtUp) {
                        store.maintainIfDue();
                    }
                } catch (WakeupException e) {
                    // shutdown or rebuild: the loop condition decides
                }
            }
        } finally {
            consumer = null;
        }
    }

    private static boolean caughtUp(KafkaConsumer<String, String> kafka) {
        Set<TopicPartition> assigned = kafka.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = null;
        for (TopicPartition partition : assigned) {
            OptionalLong lag = kafka.currentLag(partition);
            if (lag.isPresent()) {
                if (lag.getAsLong() > 0) {
                    return false;
                }
                continue;
            }
            if (ends == null) {
                ends = kafka.endOffsets(assigned);
            }
            if (kafka.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }

    private Properties config() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the read model's own table holds the offsets, committed with the change they led to
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "public-web-entries");
        props.putAll(ConsumerSettings.FAST_REJOIN);
        return props;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    /** Seeks every newly assigned partition to where the read model stopped. */
    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> kafka;

        SeekToStoredOffsets(KafkaConsumer<String, String> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            Map<Integer, Long> stored = store.offsets(TOPIC);
            for (TopicPartition partition : assigned) {
                Long next = stored.get(partition.partition());
                if (next == null) {
                    kafka.seekToBeginning(List.of(partition));
                } else {
                    kafka.seek(partition, next);
                }
            }
            Set<Integer> numbers = new TreeSet<>();
            kafka.assignment().forEach(p -> numbers.add(p.partition()));
            partitions = Collections.unmodifiableSet(numbers);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            caughtUp = false;
        }
    }
}
