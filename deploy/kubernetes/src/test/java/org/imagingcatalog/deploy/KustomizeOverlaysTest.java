package org.imagingcatalog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagingcatalog.deploy.Rendered.id;
import static org.imagingcatalog.deploy.Rendered.name;
import static org.imagingcatalog.deploy.Rendered.props;
import static org.imagingcatalog.deploy.Rendered.selects;

/**
 * Renders each overlay with {@code kubectl kustomize} and checks the objects against the catalog's
 * contract (shared CONTRACT.md) and the deployment rules of issue 8.
 */
class KustomizeOverlaysTest {

    static final Map<String, Integer> SERVICE_PORTS = Map.of(
            "public-web", 8080, "submission-service", 8081, "curation-service", 8082);
    static final Map<String, String> SERVICE_DATABASES = Map.of(
            "public-web", "publicweb", "submission-service", "submission", "curation-service", "curation");
    static final Set<String> TOPICS = Set.of("catalog.submissions.v1", "catalog.decisions.v1", "catalog.entries.v1",
            "catalog.link-health.v1", "catalog.releases.v1");
    static final Set<String> DEMO_USERS = Set.of("curator", "contributor", "admin");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyObjectParsesWithApiVersionKindNameAndNamespace(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        assertThat(r.objects).as("%s renders objects", overlay).hasSizeGreaterThan(20);
        for (JsonNode o : r.objects) {
            assertThat(o.path("apiVersion").asText()).as("apiVersion of %s", o).isNotBlank();
            assertThat(o.path("kind").asText()).as("kind of %s", o).isNotBlank();
            assertThat(name(o)).as("metadata.name of %s", o).isNotBlank();
            assertThat(o.path("metadata").path("namespace").asText())
                    .as("namespace of %s", id(o)).isEqualTo("imaging-catalog");
        }
        List<String> ids = r.objects.stream().map(o -> o.path("apiVersion").asText() + " " + id(o)).toList();
        assertThat(ids).as("no duplicate objects").doesNotHaveDuplicates();
        assertThat(r.objects.stream().map(o -> o.path("kind").asText()).distinct())
                .contains("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                        "NetworkPolicy", "ConfigMap", "Ingress", "ServiceMonitor", "Kafka", "KafkaNodePool",
                        "KafkaTopic", "Cluster", "Keycloak", "KeycloakRealmImport");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyServiceHasProbesLimitsSecurityContextAndANetworkPolicy(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<JsonNode> deployments = r.list("Deployment");
        assertThat(deployments.stream().map(Rendered::name)).containsExactlyInAnyOrderElementsOf(SERVICE_PORTS.keySet());
        for (JsonNode d : deployments) {
            String name = name(d);
            JsonNode pod = d.path("spec").path("template");
            JsonNode labels = pod.path("metadata").path("labels");
            assertThat(selects(d.path("spec").path("selector"), labels)).as("%s selects its own pods", name).isTrue();
            JsonNode podSpec = pod.path("spec");
            assertThat(podSpec.path("securityContext").path("runAsNonRoot").asBoolean()).as("%s runAsNonRoot", name).isTrue();
            JsonNode containers = podSpec.path("containers");
            assertThat(containers.size()).as("%s containers", name).isGreaterThan(0);
            for (JsonNode c : containers) {
                String what = name + "/" + c.path("name").asText();
                assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).as("%s liveness", what).isEqualTo("/q/health/live");
                assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).as("%s readiness", what).isEqualTo("/q/health/ready");
                JsonNode res = c.path("resources");
                assertThat(res.path("requests").has("cpu") && res.path("requests").has("memory")).as("%s requests cpu+memory", what).isTrue();
                assertThat(res.path("limits").has("memory")).as("%s memory limit", what).isTrue();
                assertThat(res.path("limits").has("cpu")).as("%s cpu limit", what).isTrue();
                JsonNode sc = c.path("securityContext");
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as("%s allowPrivilegeEscalation", what).isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as("%s readOnlyRootFilesystem", what).isTrue();
                assertThat(c.path("ports").findValuesAsText("containerPort"))
                        .as("%s port", what).containsExactly(String.valueOf(SERVICE_PORTS.get(name)));
                assertThat(c.path("image").asText()).as("%s image", what).startsWith("imaging-catalog/" + name + ":");
                // The probes' port is the container's (named) port.
                assertThat(c.path("readinessProbe").path("httpGet").path("port").asText()).isIn("http", String.valueOf(SERVICE_PORTS.get(name)));
            }
            List<JsonNode> policies = r.ofKind("NetworkPolicy")
                    .filter(np -> selects(np.path("spec").path("podSelector"), labels)).toList();
            assertThat(policies).as("%s: a NetworkPolicy selects its pods", name).isNotEmpty();
            for (JsonNode np : policies) {
                List<String> types = new ArrayList<>();
                np.path("spec").path("policyTypes").forEach(t -> types.add(t.asText()));
                assertThat(types).as("%s policy types", id(np)).contains("Ingress", "Egress");
            }
            assertThat(r.ofKind("PodDisruptionBudget").filter(pdb -> selects(pdb.path("spec").path("selector"), labels)))
                    .as("%s: a PodDisruptionBudget", name).hasSize(1);
            // Its Service, and a ServiceMonitor scraping /q/metrics through it.
            JsonNode service = r.one("Service", name);
            assertThat(selects(YamlSelector.of(service.path("spec").path("selector")), labels))
                    .as("Service %s selects the pods", name).isTrue();
            assertThat(r.ofKind("ServiceMonitor")
                    .filter(sm -> selects(sm.path("spec").path("selector"), service.path("metadata").path("labels")))
                    .flatMap(sm -> sm.path("spec").path("endpoints").findValuesAsText("path").stream()))
                    .as("%s: a ServiceMonitor scrapes /q/metrics", name).contains("/q/metrics");
            // Its own database, as the contract names it.
            Map<String, JsonNode> env = r.environment(containers.get(0));
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).as("%s JDBC URL", name).isNotNull();
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL").asText()).endsWith("/" + SERVICE_DATABASES.get(name));
            assertThat(env.get("QUARKUS_HTTP_PORT").asText()).isEqualTo(String.valueOf(SERVICE_PORTS.get(name)));
            assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void autoscalersForPublicWebAndSubmissionService(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, JsonNode> byTarget = new LinkedHashMap<>();
        r.ofKind("HorizontalPodAutoscaler").forEach(h -> byTarget.put(
                h.path("spec").path("scaleTargetRef").path("kind").asText() + "/" + h.path("spec").path("scaleTargetRef").path("name").asText(), h));
        assertThat(byTarget).containsKeys("Deployment/public-web", "Deployment/submission-service");
        for (JsonNode h : byTarget.values()) {
            assertThat(h.path("spec").path("maxReplicas").asInt())
                    .isGreaterThanOrEqualTo(h.path("spec").path("minReplicas").asInt(1));
        }
        if (overlay.equals("production")) {
            int partitions = r.ofKind("KafkaTopic").mapToInt(t -> t.path("spec").path("partitions").asInt()).min().orElse(0);
            for (JsonNode h : byTarget.values()) {
                assertThat(h.path("spec").path("minReplicas").asInt()).as("%s keeps two replicas", id(h)).isGreaterThanOrEqualTo(2);
                assertThat(h.path("spec").path("maxReplicas").asInt())
                        .as("%s: no more consumer replicas than partitions", id(h)).isLessThanOrEqualTo(partitions);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void noSecretHoldsALiteralPasswordAndNoEnvVarCarriesOne(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Predicate<String> sensitive = Rendered.sensitiveName();
        List<String> problems = new ArrayList<>();
        for (JsonNode o : r.objects) {
            if (o.path("kind").asText().equals("Secret")) {
                for (String field : List.of("data", "stringData")) {
                    props(o.path(field)).forEach((k, v) -> {
                        if (sensitive.test(k) && !v.asText().isEmpty()) {
                            problems.add(id(o) + " " + field + "." + k + " holds a literal value");
                        }
                    });
                }
            }
            if (o.path("kind").asText().equals("ConfigMap")) {
                props(o.path("data")).keySet().stream().filter(sensitive)
                        .forEach(k -> problems.add(id(o) + " ConfigMap key " + k + " looks like a secret"));
            }
            Rendered.walk(o, id(o), (path, node) -> {
                // env entries anywhere (Deployments, Jobs, operator pod templates ...)
                if (path.endsWith(".env") && node.isArray()) {
                    for (JsonNode e : node) {
                        if (sensitive.test(e.path("name").asText()) && e.has("value")) {
                            problems.add(path + " " + e.path("name").asText() + " has a literal value");
                        }
                        if (sensitive.test(e.path("name").asText()) && !e.path("valueFrom").has("secretKeyRef")) {
                            problems.add(path + " " + e.path("name").asText() + " does not come from a secretKeyRef");
                        }
                    }
                }
                // a field literally called password/secret with text (e.g. a realm client's secret)
                if (node.isObject()) {
                    props(node).forEach((k, v) -> {
                        if (v.isTextual() && k.matches("(?i)password|secret|clientSecret|token")
                                && !v.asText().matches("\\$\\{[A-Z0-9_]+}")) {
                            problems.add(path + "." + k + " holds a literal value");
                        }
                    });
                }
            });
        }
        assertThat(problems).as("literal secrets in %s", overlay).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void kafkaTopicsMatchTheContract(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        JsonNode kafka = r.list("Kafka").get(0);
        assertThat(r.list("Kafka")).hasSize(1);
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        r.ofKind("KafkaTopic").forEach(t -> topics.put(t.path("spec").path("topicName").asText(name(t)), t));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(TOPICS);
        int brokers = brokers(r);
        for (Map.Entry<String, JsonNode> e : topics.entrySet()) {
            JsonNode t = e.getValue();
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .as("%s belongs to the Kafka cluster", e.getKey()).isEqualTo(name(kafka));
            int replicas = t.path("spec").path("replicas").asInt();
            int minIsr = t.path("spec").path("config").path("min.insync.replicas").asInt();
            assertThat(replicas).as("%s replicas <= brokers", e.getKey()).isBetween(1, brokers);
            assertThat(minIsr).as("%s min.insync.replicas", e.getKey()).isBetween(1, replicas);
            assertThat(t.path("spec").path("partitions").asInt()).as("%s partitions", e.getKey()).isGreaterThanOrEqualTo(3);
            if (overlay.equals("production")) {
                assertThat(replicas).as("%s replicas in production", e.getKey()).isEqualTo(3);
                assertThat(minIsr).as("%s min.insync.replicas in production", e.getKey()).isEqualTo(2);
            }
        }
        assertThat(topics.get("catalog.entries.v1").path("spec").path("config").path("cleanup.policy").asText())
                .as("catalog.entries.v1 is compacted").isEqualTo("compact");
        if (overlay.equals("production")) {
            JsonNode config = kafka.path("spec").path("kafka").path("config");
            assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
            assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
            assertThat(config.path("transaction.state.log.replication.factor").asInt()).isEqualTo(3);
        }
    }

    @Test
    void productionRunsThreeBrokersThreeControllersAndThreePostgresInstancesWithBackups() {
        Rendered r = Rendered.overlay("production");
        assertThat(brokers(r)).as("Kafka brokers").isEqualTo(3);
        assertThat(controllers(r)).as("KRaft controllers").isEqualTo(3);
        List<JsonNode> clusters = r.ofKind("Cluster")
                .filter(c -> c.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")).toList();
        assertThat(clusters.stream().map(c -> c.path("spec").path("bootstrap").path("initdb").path("database").asText()))
                .as("one database per service (and Keycloak's)")
                .containsExactlyInAnyOrder("submission", "curation", "publicweb", "keycloak");
        for (JsonNode c : clusters) {
            JsonNode initdb = c.path("spec").path("bootstrap").path("initdb");
            assertThat(initdb.path("owner").asText()).as("%s owner", id(c)).isEqualTo(initdb.path("database").asText());
            assertThat(c.path("spec").path("instances").asInt()).as("%s instances", id(c)).isEqualTo(3);
            boolean pluginArchiver = false;
            for (JsonNode p : c.path("spec").path("plugins")) {
                pluginArchiver |= p.path("name").asText().equals("barman-cloud.cloudnative-pg.io")
                        && p.path("isWALArchiver").asBoolean();
                if (pluginArchiver) {
                    String store = p.path("parameters").path("barmanObjectName").asText();
                    assertThat(r.one("ObjectStore", store)).isNotNull();
                }
            }
            boolean inTree = c.path("spec").path("backup").has("barmanObjectStore");
            assertThat(pluginArchiver || inTree).as("%s archives WAL to an object store", id(c)).isTrue();
            assertThat(r.ofKind("ScheduledBackup")
                    .filter(b -> b.path("spec").path("cluster").path("name").asText().equals(name(c))))
                    .as("%s has a ScheduledBackup", id(c)).isNotEmpty();
        }
        // Object store credentials come from a Secret reference.
        for (JsonNode store : r.list("ObjectStore")) {
            JsonNode creds = store.path("spec").path("configuration").path("s3Credentials");
            assertThat(creds.path("accessKeyId").path("name").asText()).isNotBlank();
            assertThat(creds.path("secretAccessKey").path("name").asText()).isNotBlank();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void keycloakRealmHasTheContractsRolesAndClientsWithSecretsFromSecrets(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        JsonNode keycloak = r.list("Keycloak").get(0);
        JsonNode imp = r.list("KeycloakRealmImport").get(0);
        assertThat(imp.path("spec").path("keycloakCRName").asText()).isEqualTo(name(keycloak));
        JsonNode realm = imp.path("spec").path("realm");
        assertThat(realm.path("realm").asText()).isEqualTo("imaging-catalog");
        assertThat(realm.path("roles").path("realm").findValuesAsText("name"))
                .containsExactlyInAnyOrder("contributor", "curator", "catalog-admin");
        Map<String, JsonNode> clients = new LinkedHashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        assertThat(clients.keySet()).containsExactlyInAnyOrder("curation-service", "submission-service");
        Map<String, JsonNode> placeholders = props(imp.path("spec").path("placeholders"));
        for (JsonNode c : clients.values()) {
            assertThat(c.path("publicClient").asBoolean(true)).as("%s is confidential", c.path("clientId")).isFalse();
            String secret = c.path("secret").asText();
            assertThat(secret).matches("\\$\\{[A-Z0-9_]+}");
            String placeholder = secret.substring(2, secret.length() - 1);
            assertThat(placeholders.get(placeholder)).as("placeholder %s", placeholder).isNotNull();
            assertThat(placeholders.get(placeholder).path("secret").path("name").asText()).isNotBlank();
        }
        // Keycloak's database credentials come from Secrets too.
        assertThat(keycloak.path("spec").path("db").path("passwordSecret").path("name").asText()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void noDemoUsersAndNoLocalOnlyClient(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode o : r.objects) {
            Rendered.walk(o, id(o), (path, node) -> {
                if (node.isObject()) {
                    if (node.has("users") && (path.endsWith(".realm") || node.has("realm"))) {
                        problems.add(path + " declares realm users");
                    }
                    if (DEMO_USERS.contains(node.path("username").asText())) {
                        problems.add(path + " declares the demo user " + node.path("username").asText());
                    }
                    if ("catalog-cli".equals(node.path("clientId").asText())) {
                        problems.add(path + " declares the local-only client catalog-cli");
                    }
                    if (node.path("directAccessGrantsEnabled").asBoolean(false)) {
                        problems.add(path + " enables the password grant");
                    }
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void ingressServesTheThreePublicHostsAndKeycloak(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        Map<String, String> backendByHost = new LinkedHashMap<>();
        for (JsonNode ing : r.list("Ingress")) {
            for (JsonNode rule : ing.path("spec").path("rules")) {
                for (JsonNode p : rule.path("http").path("paths")) {
                    backendByHost.put(rule.path("host").asText(), p.path("backend").path("service").path("name").asText());
                }
            }
        }
        assertThat(backendByHost.values()).contains("public-web", "submission-service", "curation-service", "keycloak-service");
        assertThat(backendByHost.keySet()).doesNotContainNull().allSatisfy(h -> assertThat(h).isNotBlank());
        // The links the services hand out use the Ingress hosts.
        String submitHost = backendByHost.entrySet().stream().filter(e -> e.getValue().equals("submission-service"))
                .findFirst().orElseThrow().getKey();
        JsonNode submission = r.one("Deployment", "submission-service").path("spec").path("template").path("spec").path("containers").get(0);
        JsonNode publicWeb = r.one("Deployment", "public-web").path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(r.environment(submission).get("CATALOG_SUBMISSION_PUBLIC_URL").asText()).endsWith("//" + submitHost);
        assertThat(r.environment(publicWeb).get("CATALOG_LINKS_SUBMISSION_URL").asText()).endsWith("//" + submitHost);
        String authHost = backendByHost.entrySet().stream().filter(e -> e.getValue().equals("keycloak-service"))
                .findFirst().orElseThrow().getKey();
        assertThat(r.list("Keycloak").get(0).path("spec").path("hostname").path("hostname").asText()).endsWith("//" + authHost);
        if (overlay.equals("production")) {
            Set<String> tlsHosts = new TreeSet<>();
            r.ofKind("Ingress").forEach(i -> i.path("spec").path("tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText()))));
            assertThat(tlsHosts).as("TLS for every host").containsAll(backendByHost.keySet());
        }
    }

    static int brokers(Rendered r) {
        return poolReplicas(r, "broker");
    }

    static int controllers(Rendered r) {
        return poolReplicas(r, "controller");
    }

    private static int poolReplicas(Rendered r, String role) {
        return r.ofKind("KafkaNodePool")
                .filter(p -> {
                    List<String> roles = new ArrayList<>();
                    p.path("spec").path("roles").forEach(x -> roles.add(x.asText()));
                    return roles.contains(role);
                })
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
    }

    /** A Service's selector is a plain label map; wrap it as a LabelSelector. */
    static final class YamlSelector {
        static JsonNode of(JsonNode plainLabels) {
            return Rendered.YAML.createObjectNode().set("matchLabels", plainLabels);
        }
    }
}
