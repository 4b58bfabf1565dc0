package org.imagingcatalog.testsupport.kafka;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Hands the test JVM's real broker to a Quarkus application under test. The broker outlives the
 * application (it stops with the JVM), so several test classes share one.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String bootstrap = EmbeddedKafka.shared().bootstrapServers();
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "mp.messaging.connector.smallrye-kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        // the broker is shared by every application started in this JVM; it stops with the JVM
    }
}
