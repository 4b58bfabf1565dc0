package org.imagingcatalog.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.imagingcatalog.model.Topics;

/**
 * The benchmark's own single-node KRaft broker, from the same Kafka jars as the local stack
 * (.local/kafka/classpath-*.txt, resolved by deploy/local/up.sh), in a temporary directory. Writes of
 * the benchmark (100,000 synthetic entries, thousands of submissions) go here, never into the stack's
 * compacted topics, which would keep them forever.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port = Procs.freePort();
    private final int controllerPort = Procs.freePort();
    private Process process;
    private double startupMillis;

    KafkaBroker(Path dir) {
        this.dir = dir;
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    double startupMillis() {
        return startupMillis;
    }

    KafkaBroker start(Path classpathFile) {
        try {
            Files.createDirectories(dir);
            String classpath = Files.readString(classpathFile).trim();
            Path config = dir.resolve("server.properties");
            Files.writeString(config, String.join("\n",
                    "process.roles=broker,controller", "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                    "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
                    "log.dirs=" + dir.resolve("data"), "num.partitions=3",
                    "offsets.topic.replication.factor=1", "offsets.topic.num.partitions=3",
                    "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
                    "share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
                    "group.initial.rebalance.delay.ms=0", "auto.create.topics.enable=false", "log.cleaner.enable=true", ""));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String clusterId = Procs.run(List.of(java, "-cp", classpath, "kafka.tools.StorageTool", "random-uuid"), Map.of(), 120)
                    .trim().lines().reduce((a, b) -> b).orElseThrow();
            Procs.run(List.of(java, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                    config.toString()), Map.of(), 120);
            List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath, "kafka.Kafka", config.toString()));
            long start = System.nanoTime();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("kafka.log").toFile()).start();
            try (Admin admin = admin()) {
                long deadline = System.currentTimeMillis() + 120_000;
                while (true) {
                    try {
                        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                        break;
                    } catch (Exception e) {
                        if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                            throw new IllegalStateException("the benchmark broker did not start; see " + dir.resolve("kafka.log"), e);
                        }
                        Procs.sleep(100);
                    }
                }
                startupMillis = (System.nanoTime() - start) / 1e6;
                List<NewTopic> topics = Topics.all().stream().map(t -> new NewTopic(t, 3, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))).toList();
                admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return Admin.create(props);
    }

    @Override
    public void close() {
        Procs.stop(process, 30);
    }
}
