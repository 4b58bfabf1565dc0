package org.imagingcatalog.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Production exports every service's traces to the collector its NetworkPolicy lets it reach; the dev cluster, like
 * the local stack, needs no collector (the services sample no new trace unless told to).
 */
class TracesManifestsTest {

    private static final String ENDPOINT = "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT";
    private static final String SAMPLED = "QUARKUS_OTEL_TRACES_SAMPLER_ARG";

    @Test
    void productionSendsEveryServicesTracesToTheCollectorItMayReach() {
        Rendered r = Rendered.overlay("production");
        List<JsonNode> services = services(r);
        assertThat(services).hasSize(3);
        for (JsonNode deployment : services) {
            Map<String, JsonNode> env = r.environment(container(deployment));
            assertThat(env).as("%s: the collector and the sampling", Rendered.id(deployment)).containsKeys(ENDPOINT, SAMPLED);
            assertThat(env.get(SAMPLED).asText()).isEqualTo("1");
            URI collector = URI.create(env.get(ENDPOINT).asText());
            String namespace = collector.getHost().split("\\.")[1];
            assertThat(reachable(r, deployment, namespace, collector.getPort()))
                    .as("%s may reach %s", Rendered.id(deployment), collector).isTrue();
        }
    }

    @Test
    void theDevClusterNeedsNoCollector() {
        Rendered r = Rendered.overlay("dev");
        for (JsonNode deployment : services(r)) {
            assertThat(r.environment(container(deployment))).as(Rendered.id(deployment)).doesNotContainKeys(ENDPOINT, SAMPLED);
        }
    }

    private static List<JsonNode> services(Rendered r) {
        return r.ofKind("Deployment").filter(d -> "service".equals(
                d.path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/component").asText()))
                .toList();
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static Stream<JsonNode> elements(Iterable<JsonNode> array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** Whether a NetworkPolicy of the Deployment's pods lets them reach {@code port} of pods in {@code namespace}. */
    private static boolean reachable(Rendered r, JsonNode deployment, String namespace, int port) {
        JsonNode labels = deployment.path("spec").path("template").path("metadata").path("labels");
        return r.ofKind("NetworkPolicy").filter(np -> Rendered.selects(np.path("spec").path("podSelector"), labels))
                .flatMap(np -> elements(np.path("spec").path("egress")))
                .anyMatch(rule -> elements(rule.path("ports")).anyMatch(p -> p.path("port").asInt() == port)
                        && elements(rule.path("to")).anyMatch(peer -> namespace.equals(peer.path("namespaceSelector")
                                .path("matchLabels").path("kubernetes.io/metadata.name").asText())
                                && peer.path("podSelector").path("matchLabels").size() > 0));
    }
}
