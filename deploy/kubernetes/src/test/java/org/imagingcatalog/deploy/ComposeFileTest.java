package org.imagingcatalog.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imagingcatalog.deploy.Rendered.props;

/**
 * deploy/compose/compose.yaml parses and names the same images, ports and environment as the
 * Kubernetes manifests. (`docker compose config` would need Docker, which these machines lack.)
 */
class ComposeFileTest {

    /** Settings only the Kubernetes deployment needs: it runs behind an Ingress and sizes the heap from limits. */
    static final Predicate<String> KUBERNETES_ONLY = n -> n.startsWith("QUARKUS_HTTP_PROXY_") || n.equals("JAVA_MAX_MEM_RATIO")
            || n.equals("QUARKUS_MAILER_MOCK");

    static Path composeDir;
    static JsonNode compose;

    @BeforeAll
    static void parse() throws IOException {
        composeDir = Rendered.manifestsDir().resolve("../compose").normalize();
        List<JsonNode> docs = Rendered.parseAll(Files.readString(composeDir.resolve("compose.yaml")));
        assertThat(docs).hasSize(1);
        compose = docs.get(0);
    }

    static JsonNode service(String name) {
        JsonNode s = compose.path("services").path(name);
        assertThat(s.isObject()).as("compose service %s", name).isTrue();
        return s;
    }

    /** image without tag, and with Compose interpolation stripped. */
    static String repository(String image) {
        String plain = image.replaceAll("\\$\\{[^}]*}", "");
        return plain.replaceAll(":[^/:]*$", "");
    }

    static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isObject()) {
            props(e).forEach((k, v) -> env.put(k, v.asText()));
        } else {
            e.forEach(item -> {
                String[] kv = item.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            });
        }
        return env;
    }

    @Test
    void theServicesUseTheManifestsImagesPortsAndEnvironment() {
        Rendered production = Rendered.overlay("production");
        for (JsonNode d : production.list("Deployment")) {
            String name = Rendered.name(d);
            JsonNode container = d.path("spec").path("template").path("spec").path("containers").get(0);
            JsonNode s = service(name);
            assertThat(repository(s.path("image").asText())).as("%s image", name)
                    .isEqualTo(repository(container.path("image").asText()));
            assertThat(s.path("build").path("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
            assertThat(Files.isRegularFile(composeDir.resolve(s.path("build").path("context").asText())
                    .resolve("src/main/docker/Dockerfile.jvm"))).as("%s Dockerfile.jvm exists", name).isTrue();
            String containerPort = container.path("ports").get(0).path("containerPort").asText();
            List<String> published = new ArrayList<>();
            s.path("ports").forEach(p -> published.add(p.asText().replaceAll(".*:", "")));
            assertThat(published).as("%s ports", name).containsExactly(containerPort);
            Map<String, String> composeEnv = environment(s);
            Set<String> manifestEnv = production.environment(container).keySet().stream()
                    .filter(KUBERNETES_ONLY.negate()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(new TreeSet<>(composeEnv.keySet())).as("%s environment names", name).isEqualTo(manifestEnv);
            assertThat(composeEnv.get("QUARKUS_HTTP_PORT")).isEqualTo(containerPort);
            assertThat(composeEnv.get("QUARKUS_DATASOURCE_JDBC_URL")).endsWith(
                    production.environment(container).get("QUARKUS_DATASOURCE_JDBC_URL").asText().replaceAll(".*/", "/"));
        }
    }

    @Test
    void theInfrastructureUsesTheOfficialImages() {
        assertThat(service("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(service("keycloak").path("image").asText()).isEqualTo("quay.io/keycloak/keycloak:26.4");
        assertThat(service("postgres").path("image").asText()).isEqualTo("postgres:15");
        assertThat(service("keycloak").path("ports").get(0).asText()).endsWith(":8180");
    }

    @Test
    void theTopicsAndDatabasesAreTheContracts() throws IOException {
        String init = service("kafka-init").path("command").toString();
        for (String topic : KustomizeOverlaysTest.TOPICS) {
            assertThat(init).contains(topic);
        }
        assertThat(init).contains("cleanup.policy=compact");
        String script = Files.readString(composeDir.resolve("postgres/init-databases.sh"));
        assertThat(script).contains("create submission submission", "create curation curation", "create publicweb publicweb");
        assertThat(service("postgres").path("volumes").toString()).contains("init-databases.sh:/docker-entrypoint-initdb.d/");
    }

    @Test
    void noLiteralSecretsAndNoDemoUsers() throws IOException {
        Predicate<String> sensitive = Rendered.sensitiveName();
        List<String> problems = new ArrayList<>();
        props(compose.path("services")).forEach((svc, s) -> environment(s).forEach((k, v) -> {
            if (sensitive.test(k) && !v.matches("\\$\\{[A-Z0-9_]+(:\\?[^}]*)?}")) {
                problems.add(svc + " " + k + " is not taken from the environment (.env) with ${NAME:?...}");
            }
        }));
        assertThat(problems).isEmpty();
        JsonNode realm = Rendered.YAML.readTree(Files.readString(composeDir.resolve("keycloak/imaging-catalog-realm.json")));
        assertThat(realm.path("realm").asText()).isEqualTo("imaging-catalog");
        assertThat(realm.has("users")).as("the Compose realm has no demo users").isFalse();
        assertThat(realm.path("clients").findValuesAsText("clientId")).containsExactlyInAnyOrder("curation-service", "submission-service");
        realm.path("clients").forEach(c -> assertThat(c.path("secret").asText()).matches("\\$\\{[A-Z0-9_]+}"));
    }
}
