package org.imagingcatalog.model.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.imagingcatalog.model.outbox.OutboxTracing.Send;

/**
 * Sends outbox rows and blocks until the broker acknowledged them ({@code acks=all}, idempotent
 * producer, so a batch in flight keeps its order per partition). Short timeouts make a down broker
 * fail fast, so the rows stay pending for the next relay. After a failure the producer is replaced:
 * a fresh one carries none of the old one's expired batches. Each record of {@link #sendAll} carries the trace
 * context of its row's send in its headers ({@link OutboxTracing}).
 */
public final class KafkaEventSender implements EventSender, AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 15;

    private final Map<String, Object> config;
    private final OutboxTracing tracing;
    private KafkaProducer<String, String> producer;

    public KafkaEventSender(String bootstrapServers, String clientId) {
        this(bootstrapServers, clientId, OutboxTracing.NONE);
    }

    public KafkaEventSender(String bootstrapServers, String clientId, OutboxTracing tracing) {
        this.tracing = tracing;
        // linger 0: a batch is handed over at once; the producer groups what waits behind in-flight requests
        this.config = Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, clientId),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 0),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @Override
    public synchronized void send(String topic, String key, String payload) throws Exception {
        if (producer == null) {
            producer = new KafkaProducer<>(config);
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, payload)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            discardProducer();
            throw e;
        }
    }

    @Override
    public synchronized Acknowledged sendAll(List<OutgoingMessage> messages) {
        if (producer == null) {
            producer = new KafkaProducer<>(config);
        }
        List<Future<RecordMetadata>> inFlight = new ArrayList<>(messages.size());
        BitSet acknowledged = new BitSet(messages.size());
        Exception failure = null;
        try {
            for (OutgoingMessage message : messages) {
                inFlight.add(send(message));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        // every answer is collected, so the messages of healthy partitions count even when another failed
        for (int i = 0; i < inFlight.size(); i++) {
            try {
                inFlight.get(i).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                acknowledged.set(i);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failure == null) {
                    failure = e;
                    // nothing else waits the full timeout once the producer is gone
                    discardProducer();
                }
            }
        }
        if (failure != null) {
            discardProducer();
        }
        return new Acknowledged(acknowledged, failure);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** One row's record, whose span ends when the broker answered (or the send could not even start). */
    private Future<RecordMetadata> send(OutgoingMessage message) {
        Send traced = tracing.sending(message);
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        traced.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            return producer.send(record, (metadata, failure) -> traced.end(failure));
        } catch (RuntimeException e) {
            traced.end(e);
            throw e;
        }
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }
}
