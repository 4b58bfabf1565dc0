package org.imagingcatalog.bench;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;

/** Publishes EntryVersionPublished events as curation would, keyed by resource id, with a batching producer. */
final class EntryPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    EntryPublisher(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(128L * 1024 * 1024));
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    Future<RecordMetadata> publish(String id, int version, Resource snapshot, List<String> changedFields, String summary,
            String reason) {
        EntryVersionPublished event = EntryVersionPublished.of(id, version, ResourceStatus.ACTIVE, snapshot, changedFields,
                summary, reason, null, Instant.now());
        return producer.send(new ProducerRecord<>(Topics.ENTRIES, id, EventJson.write(event)));
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
