package org.imagingcatalog.testsupport.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.testsupport.Quietly;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside the test
 * JVM, from the same {@code kafka_2.13} artifacts the local stack runs. It keeps its ports and its
 * data across {@link #stop()} and {@link #start()}, so tests can take the broker away and bring it
 * back the way an outage would.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static EmbeddedKafka shared;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** The one broker of this test JVM, started on first use with the contract's topics. */
    public static synchronized EmbeddedKafka shared() {
        if (shared == null) {
            EmbeddedKafka broker = create();
            broker.start();
            broker.createContractTopics();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
            shared = broker;
        }
        return shared;
    }

    /** A new, formatted but not yet started broker on free ports. */
    public static EmbeddedKafka create() {
        try {
            Path dir = Files.createTempDirectory("embedded-kafka-");
            EmbeddedKafka broker = new EmbeddedKafka(dir, FreePorts.pick(), FreePorts.pick());
            broker.format();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the Kafka data directory", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(brokerProperties()), Time.SYSTEM);
        starting.startup();
        server = starting;
        awaitReady();
    }

    /** Shuts the broker down cleanly; its data and ports stay for {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public void createContractTopics() {
        List<NewTopic> topics = Topics.all().stream()
                .map(name -> new NewTopic(name, 3, (short) 1).configs(topicConfig(name)))
                .toList();
        try (Admin admin = admin()) {
            for (NewTopic topic : topics) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e);
                    }
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create the contract's topics", e);
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    @Override
    public synchronized void close() {
        stop();
        Quietly.deleteTree(dataDir);
    }

    private static Map<String, String> topicConfig(String topic) {
        return Topics.compacted(topic) ? Map.of("cleanup.policy", "compact") : Map.of();
    }

    private Properties brokerProperties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("logs").toString());
        props.put("num.partitions", "3");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        props.put("log.cleaner.backoff.ms", "1000");
        return props;
    }

    private void format() throws IOException {
        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            brokerProperties().store(out, "embedded test broker");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String clusterId = Uuid.randomUuid().toString();
        int exit = kafka.tools.StorageTool.execute(
                new String[] {"format", "-t", clusterId, "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed: " + output);
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException("broker not ready yet", e);
                Quietly.sleep(200);
            }
        }
        throw new IllegalStateException("the embedded Kafka broker did not answer within " + READY_TIMEOUT, last);
    }

}
