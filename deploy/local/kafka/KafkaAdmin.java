import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Used by deploy/local/up.sh (run as a single-file source program on the broker's classpath):
 *
 * <pre>java -cp CLASSPATH KafkaAdmin.java BOOTSTRAP TIMEOUT_SECONDS [TOPIC...]</pre>
 *
 * Waits until the broker answers describeCluster, then creates the missing topics as compacted
 * topics (3 partitions, replication factor 1). Existing topics are left alone (their cleanup.policy is
 * reported). Exit code 1 if the broker does not answer in time.
 */
public class KafkaAdmin {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        long timeoutS = Long.parseLong(args[1]);
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        try (Admin admin = Admin.create(p)) {
            while (true) {
                try {
                    int nodes = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        break;
                    }
                } catch (Exception e) {
                    // not up yet
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("Kafka at " + bootstrap + " did not answer describeCluster within " + timeoutS + " s");
                    System.exit(1);
                }
                Thread.sleep(500);
            }
            if (args.length <= 2) {
                System.out.println("Kafka at " + bootstrap + " is up");
                return;
            }
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                if (!existing.contains(args[i])) {
                    missing.add(new NewTopic(args[i], 3, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            for (int i = 2; i < args.length; i++) {
                ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, args[i]);
                Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
                String policy = c.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                boolean created = missing.stream().anyMatch(t -> t.name().equals(r.name()));
                System.out.println("  topic " + args[i] + (created ? " (created)" : " (exists)") + " cleanup.policy=" + policy);
            }
        }
    }
}
