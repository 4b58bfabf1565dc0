package org.imagingcatalog.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import org.imagingcatalog.deploy.monitoring.MonitoringQueries;
import org.imagingcatalog.testsupport.Quietly;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the PrometheusRule read only metrics the services really export. One submission goes
 * through to a decision first, so that the meters which appear only once used (the decision histogram, HTTP
 * timers, the consumers' lag after their first fetch) exist; then every service's /q/metrics is scraped and each
 * metric name in the PromQL of {@code deploy/kubernetes/base/monitoring} must be one of the scraped samples.
 */
class MetricsIT {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);

    private final CatalogStack stack = CatalogStack.shared();

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsExported() {
        String id = "metrics-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        Http.Reply sent = Http.postJson(stack.submission.url() + "/api/v1/submissions",
                FaultSubmissions.newResource(id, "metrics " + id));
        assertThat(sent.status()).as("submission answer: %s", sent.body()).isEqualTo(202);
        acceptOnceQueued(sent.json().path("id").asText());
        Http.await(stack.publicWeb.url() + "/api/v1/resources/" + id, r -> r.status() == 200, EVENTUAL);

        Set<String> exported = new TreeSet<>();
        for (ServiceProcess service : List.of(stack.submission, stack.curation, stack.publicWeb)) {
            Http.Reply scrape = Http.get(service.url() + "/q/metrics");
            assertThat(scrape.status()).as("%s /q/metrics", service.name()).isEqualTo(200);
            exported.addAll(sampleNames(scrape.body()));
        }
        Path manifests = Path.of(System.getProperty("catalog.root", "../..")).resolve("deploy/kubernetes");
        Map<String, Set<String>> read = MonitoringQueries.metricNames(MonitoringQueries.inFiles(manifests));
        assertThat(read).as("the dashboard and the alerts read metrics").isNotEmpty();

        Map<String, Set<String>> missing = new TreeMap<>(read);
        missing.keySet().removeAll(exported);
        assertThat(missing).as("metrics the dashboard or the alerts read that no service exports (name: where it is read)")
                .isEmpty();
    }

    /**
     * A real Prometheus scrapes the three services with the labels the ServiceMonitors give and evaluates the
     * PrometheusRule: every query of the dashboard runs without an error (Grafana's variables filled in as Grafana
     * would), every rule evaluates healthily, and a healthy catalog raises no alert.
     */
    @Test
    void aRealPrometheusRunsEveryDashboardQueryAndRuleAndRaisesNoAlertForAHealthyCatalog() {
        Path root = Path.of(System.getProperty("catalog.root", "../..")).toAbsolutePath().normalize();
        Path manifests = root.resolve("deploy/kubernetes");
        try (PrometheusServer prometheus = PrometheusServer.scraping(List.of(stack.submission, stack.curation,
                stack.publicWeb), manifests, root.resolve("deploy/system-tests/target/prometheus"))) {
            Quietly.sleep(3000); // rate() needs two scrapes inside its window
            int withData = 0;
            List<MonitoringQueries.Query> dashboard = MonitoringQueries.ofDashboard(
                    Http.JSON.readTree(java.nio.file.Files.readString(manifests.resolve(MonitoringQueries.DASHBOARD))));
            for (MonitoringQueries.Query query : dashboard) {
                String promql = query.expression().replace("$namespace", PrometheusServer.NAMESPACE)
                        .replace("$__rate_interval", "1m");
                withData += prometheus.query(promql).path("result").isEmpty() ? 0 : 1;
            }
            Instant deadline = Instant.now().plus(EVENTUAL);
            List<com.fasterxml.jackson.databind.JsonNode> rules = prometheus.rules();
            while (rules.stream().anyMatch(r -> r.path("lastEvaluation").asText().startsWith("0001"))
                    && Instant.now().isBefore(deadline)) {
                Quietly.sleep(500);
                rules = prometheus.rules();
            }
            System.out.printf("MetricsIT: %d dashboard queries, %d with data; %d rules evaluated by Prometheus%n",
                    dashboard.size(), withData, rules.size());
            assertThat(rules).as("rules Prometheus loaded").isNotEmpty();
            assertThat(rules).as("rules that Prometheus could not evaluate").allSatisfy(rule -> assertThat(
                    rule.path("health").asText()).as(rule.path("name").asText() + ": " + rule.path("lastError").asText())
                    .isEqualTo("ok"));
            assertThat(rules.stream().filter(r -> !r.path("alerts").isEmpty()).map(r -> r.path("name").asText() + " "
                    + r.path("alerts"))).as("alerts pending or firing for a healthy catalog").isEmpty();
            assertThat(withData).as("dashboard queries that show something for a catalog in use")
                    .isGreaterThan(dashboard.size() / 2);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The curator decides as soon as curation-service has the submission (404 until its event arrived). */
    private void acceptOnceQueued(String submissionId) {
        String[] curator = {"Authorization", Http.bearer(stack.token("curator", "curator"))};
        Instant deadline = Instant.now().plus(EVENTUAL);
        Http.Reply decided;
        do {
            decided = Http.postJson(stack.curation.url() + "/api/v1/submissions/" + submissionId + "/decision",
                    Map.of("outcome", "ACCEPT", "message", "Accepted by MetricsIT."), curator);
            if (decided.status() != 200) {
                Quietly.sleep(500);
            }
        } while (decided.status() != 200 && Instant.now().isBefore(deadline));
        assertThat(decided.status()).as("decision on %s: %s", submissionId, decided.body()).isEqualTo(200);
    }

    /** The sample names of a Prometheus text scrape ({@code foo_bucket}, {@code foo_count}, ...). */
    static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }
}
