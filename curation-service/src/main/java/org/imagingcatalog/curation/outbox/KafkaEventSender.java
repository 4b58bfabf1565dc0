package org.imagingcatalog.curation.outbox;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.outbox.EventSender;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sends outbox rows to Kafka and blocks until the broker acknowledged them. Short timeouts: with the
 * broker down a send fails fast and the row simply stays pending for the next relay.
 */
@ApplicationScoped
public class KafkaEventSender implements EventSender {

    private final KafkaProducer<String, String> producer;

    KafkaEventSender(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    @Override
    public void send(String topic, String key, String payload) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, payload)).get(10, TimeUnit.SECONDS);
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(2));
    }
}
