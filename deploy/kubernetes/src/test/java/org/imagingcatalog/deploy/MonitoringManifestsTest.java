package org.imagingcatalog.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.imagingcatalog.deploy.monitoring.MonitoringQueries;
import org.imagingcatalog.deploy.monitoring.MonitoringQueries.Query;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard (a ConfigMap the Grafana sidecar loads) and the PrometheusRule, as each overlay renders
 * them: what is deployed is the files that MetricsIT checks against the services' real metrics; every alert says what
 * it means and points to its section of docs/operations.md; every query reads the catalog's own metrics.
 */
class MonitoringManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALERTS = Set.of("CatalogOutboxBacklogGrowing", "CatalogConsumerLagHigh",
            "CatalogReadModelBehind", "CatalogHttp5xxRateHigh", "CatalogCurationStalled", "CatalogMailBacklog",
            "CatalogBrokenLinksGrowing", "CatalogLinkChecksStalled");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void theDashboardIsAConfigMapForTheGrafanaSidecarHoldingTheFileMetricsItChecks(String overlay) throws IOException {
        Rendered r = Rendered.overlay(overlay);
        List<JsonNode> dashboards = r.ofKind("ConfigMap")
                .filter(c -> "1".equals(c.path("metadata").path("labels").path("grafana_dashboard").asText())).toList();
        assertThat(dashboards).as("%s: ConfigMaps labelled grafana_dashboard=1", overlay).hasSize(1);
        JsonNode data = dashboards.get(0).path("data");
        assertThat(data.size()).as("one dashboard file").isEqualTo(1);
        JsonNode dashboard = JSON.readTree(data.elements().next().asText());

        JsonNode source = JSON.readTree(Files.readString(Rendered.manifestsDir().resolve(MonitoringQueries.DASHBOARD)));
        assertThat(dashboard).as("the rendered dashboard is the file MetricsIT reads").isEqualTo(source);
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<Query> queries = MonitoringQueries.ofDashboard(dashboard);
        assertThat(queries).as("dashboard queries").hasSizeGreaterThan(10);
        assertCatalogMetricsOnly(queries);
        assertThat(MonitoringQueries.metricNames(queries).keySet()).as("the dashboard shows the catalog and Kafka")
                .contains("catalog_curation_queue_items", "catalog_outbox_oldest_pending_age_seconds",
                        "catalog_consumer_lag_records", "catalog_readmodel_behind_seconds",
                        "catalog_curation_time_to_decision_seconds_bucket", "catalog_mail_pending_messages",
                        "http_server_requests_seconds_count");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everyAlertSaysWhatItMeansAndHasARunbookSection(String overlay) throws IOException {
        Rendered r = Rendered.overlay(overlay);
        JsonNode rule = r.one("PrometheusRule", "imaging-catalog");
        assertThat(rule.path("metadata").path("labels").path("release").asText())
                .as("selected by kube-prometheus-stack like the ServiceMonitors").isEqualTo("kube-prometheus-stack");
        JsonNode source = Rendered.YAML.readTree(Files.readString(Rendered.manifestsDir().resolve(MonitoringQueries.RULES)));
        assertThat(rule.path("spec")).as("the rendered rules are the file MetricsIT reads").isEqualTo(source.path("spec"));

        String operations = Files.readString(Rendered.manifestsDir().resolve("../../docs/operations.md"));
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rule.path("spec").path("groups")) {
            for (JsonNode alert : group.path("rules")) {
                String name = alert.path("alert").asText();
                alerts.add(name);
                JsonNode annotations = alert.path("annotations");
                assertThat(annotations.path("summary").asText()).as("%s summary", name).isNotBlank();
                assertThat(annotations.path("description").asText()).as("%s description", name).isNotBlank();
                assertThat(annotations.path("runbook").asText()).as("%s runbook", name)
                        .isEqualTo("docs/operations.md#" + name.toLowerCase(Locale.ROOT));
                assertThat(operations).as("docs/operations.md has a section for %s", name).contains("#### " + name + "\n");
                assertThat(alert.path("for").asText()).as("%s waits before it fires", name).isNotBlank();
                assertThat(alert.path("labels").path("severity").asText()).as("%s severity", name)
                        .isIn("warning", "critical");
            }
        }
        assertThat(alerts).as("the alerts of issue 19").containsExactlyInAnyOrderElementsOf(ALERTS);
        assertCatalogMetricsOnly(MonitoringQueries.ofRule(rule));
    }

    /** Only metrics the services export: their own, Micrometer's HTTP server and JVM ones; no broker or exporter. */
    private static void assertCatalogMetricsOnly(List<Query> queries) {
        Map<String, Set<String>> names = MonitoringQueries.metricNames(queries);
        assertThat(names).as("queries name metrics").isNotEmpty();
        assertThat(names.keySet()).as("metric names (where: %s)", names)
                .allMatch(n -> n.startsWith("catalog_") || n.startsWith("http_server_requests_seconds")
                        || n.startsWith("jvm_") || n.startsWith("process_"));
    }
}
