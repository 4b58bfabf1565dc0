package org.imagingcatalog.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.testsupport.Quietly;

/**
 * Three Kafka KRaft nodes as the production overlay runs them: replication factor 3 and {@code min.insync.replicas=2}
 * for the contract's topics and Kafka's own. Each node is a JVM of its own (the same {@code kafka_2.13} jars the
 * tests use), so a node can be killed with SIGKILL and started again on its ports and data.
 */
final class KafkaCluster implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final List<Node> nodes = new ArrayList<>();

    private final class Node {
        final int id;
        final int port;
        final Path dir;
        volatile Process process;

        Node(int id, int port, Path dir) {
            this.id = id;
            this.port = port;
            this.dir = dir;
        }

        synchronized void start() {
            if (process != null && process.isAlive()) {
                return;
            }
            try {
                process = new ProcessBuilder(javaCommand(dir.resolve("server.properties"))).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start Kafka node " + id, e);
            }
        }

        synchronized void kill() {
            if (process != null) {
                ChildProcesses.kill(process);
                process = null;
            }
        }

        synchronized void stop() {
            if (process != null) {
                ChildProcesses.stop(process);
                process = null;
            }
        }
    }

    private KafkaCluster() {
    }

    /** Three formatted nodes under {@code base}, started, with the contract's topics created. */
    static KafkaCluster start(Path base) {
        KafkaCluster cluster = new KafkaCluster();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            cluster.nodes.add(cluster.new Node(id, CatalogStack.freePort(), base.resolve("kafka-" + id)));
            controllerPorts.add(CatalogStack.freePort());
        }
        String voters = cluster.nodes.stream().map(n -> n.id + "@127.0.0.1:" + controllerPorts.get(n.id - 1))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        for (Node node : cluster.nodes) {
            format(node, voters, controllerPorts.get(node.id - 1), clusterId);
        }
        cluster.nodes.forEach(Node::start);
        cluster.awaitBrokers(3);
        cluster.createContractTopics();
        return cluster;
    }

    String bootstrapServers() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(","));
    }

    /** SIGKILL of node {@code index} (0..2): no clean shutdown, no leadership handed over. */
    void kill(int index) {
        nodes.get(index).kill();
    }

    void start(int index) {
        nodes.get(index).start();
    }

    /** Every node shut down cleanly (their data stays). */
    void stopAll() {
        CompletableFuture.allOf(nodes.stream().map(n -> CompletableFuture.runAsync(n::stop))
                .toArray(CompletableFuture[]::new)).join();
    }

    void startAll() {
        nodes.forEach(Node::start);
        awaitBrokers(3);
    }

    /** Waits until {@code count} brokers are registered with the quorum. */
    void awaitBrokers(int count) {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = admin()) {
                if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() >= count) {
                    return;
                }
            } catch (Exception e) {
                last = new IllegalStateException("cluster not ready yet", e);
            }
            Quietly.sleep(300);
        }
        throw new IllegalStateException("the Kafka cluster did not have " + count + " brokers within " + READY_TIMEOUT
                + "; logs under " + nodes.get(0).dir.getParent(), last);
    }

    /** Waits until every partition of the contract's topics has all three replicas in sync again. */
    void awaitFullyReplicated() {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = admin()) {
                boolean inSync = admin.describeTopics(Topics.all()).allTopicNames().get(10, TimeUnit.SECONDS).values()
                        .stream().flatMap(topic -> topic.partitions().stream()).allMatch(p -> p.isr().size() == 3);
                if (inSync) {
                    return;
                }
            } catch (Exception e) {
                // not answering yet: ask again
            }
            Quietly.sleep(300);
        }
        throw new IllegalStateException("the contract's topics were not fully replicated again within " + READY_TIMEOUT);
    }

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    @Override
    public void close() {
        nodes.forEach(Node::kill);
        if (!nodes.isEmpty()) {
            Quietly.deleteTree(nodes.get(0).dir.getParent());
        }
    }

    private void createContractTopics() {
        List<NewTopic> topics = Topics.all().stream().map(name -> new NewTopic(name, 3, (short) 3)
                .configs(Topics.compacted(name) ? Map.of("cleanup.policy", "compact", "min.insync.replicas", "2")
                        : Map.of("min.insync.replicas", "2")))
                .toList();
        try (Admin admin = admin()) {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the contract's topics on the cluster", e);
        }
    }

    private static void format(Node node, String voters, int controllerPort, String clusterId) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(node.id));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + node.port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + node.port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", node.dir.resolve("data").toString());
        props.put("num.partitions", "3");
        props.put("default.replication.factor", "3");
        props.put("min.insync.replicas", "2");
        props.put("offsets.topic.replication.factor", "3");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "3");
        props.put("transaction.state.log.min.isr", "2");
        props.put("share.coordinator.state.topic.replication.factor", "3");
        props.put("share.coordinator.state.topic.min.isr", "2");
        props.put("unclean.leader.election.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(node.dir);
            Path config = node.dir.resolve("server.properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "multi-node system test, node " + node.id);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = kafka.tools.StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka node " + node.id + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's JVM: this test JVM's class path holds kafka_2.13 and everything it needs. */
    private static List<String> javaCommand(Path config) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "kafka.Kafka", config.toString());
    }
}
