package org.imagingcatalog.submission.outbox;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.imagingcatalog.model.outbox.EventSender;

/**
 * Sends one outbox row and blocks until the broker acknowledged it ({@code acks=all}, idempotent).
 * Short timeouts make a down broker fail fast, so the row stays pending for the next relay. After a
 * failure the producer is replaced: a fresh one does not carry the old one's expired batches.
 */
final class KafkaEventSender implements EventSender, AutoCloseable {

    private static final long SEND_TIMEOUT_SECONDS = 15;

    private final Map<String, Object> config;
    private KafkaProducer<String, String> producer;

    KafkaEventSender(String bootstrapServers) {
        this.config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "submission-service-outbox",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
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
    public synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }

    private void discardProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }
}
