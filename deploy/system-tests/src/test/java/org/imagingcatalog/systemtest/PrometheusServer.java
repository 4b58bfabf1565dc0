package org.imagingcatalog.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.deploy.monitoring.MonitoringQueries;
import org.imagingcatalog.testsupport.Quietly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) scraping services every second and evaluating the
 * catalog's PrometheusRule, with the labels the Kubernetes ServiceMonitors give ({@code namespace}, {@code service},
 * {@code pod}).
 */
final class PrometheusServer implements AutoCloseable {

    static final String NAMESPACE = "imaging-catalog";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Process process;
    private final String url;

    private PrometheusServer(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts Prometheus in {@code dir} with the rules of {@code manifests} (deploy/kubernetes), scraping {@code services}. */
    static PrometheusServer scraping(List<ServiceProcess> services, Path manifests, Path dir) {
        try {
            Quietly.deleteTree(dir);
            Files.createDirectories(dir);
            JsonNode rule = YAML.readTree(Files.readString(manifests.resolve(MonitoringQueries.RULES)));
            YAML.writeValue(dir.resolve("rules.yml").toFile(), Map.of("groups", rule.path("spec").path("groups")));
            List<Map<String, Object>> jobs = new ArrayList<>();
            for (ServiceProcess service : services) {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("job_name", service.name());
                job.put("metrics_path", "/q/metrics");
                job.put("static_configs", List.of(Map.of("targets", List.of(service.url().replace("http://", "")),
                        "labels", Map.of("namespace", NAMESPACE, "service", service.name(), "pod", service.name() + "-0"))));
                jobs.add(job);
            }
            YAML.writeValue(dir.resolve("prometheus.yml").toFile(), Map.of(
                    "global", Map.of("scrape_interval", "1s", "evaluation_interval", "1s"),
                    "rule_files", List.of("rules.yml"), "scrape_configs", jobs));
            int port = CatalogStack.freePort();
            Process process = new ProcessBuilder("prometheus", "--config.file=" + dir.resolve("prometheus.yml"),
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            PrometheusServer server = new PrometheusServer(process, "http://127.0.0.1:" + port);
            server.awaitTargetsUp(services.size());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start prometheus (Debian package prometheus; .ci/run installs it)", e);
        }
    }

    /** The {@code data} of an instant query, or an AssertionError with Prometheus' error. */
    JsonNode query(String promql) {
        Http.Reply reply = Http.get(url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode body = reply.json();
        if (!"success".equals(body.path("status").asText())) {
            throw new AssertionError("Prometheus refused " + promql + ": " + body.path("error").asText());
        }
        return body.path("data");
    }

    /** Every rule of every group, as {@code /api/v1/rules} reports it (health, lastError, state). */
    List<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        Http.get(url + "/api/v1/rules").json().path("data").path("groups")
                .forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    private void awaitTargetsUp(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue());
            }
            try {
                JsonNode targets = Http.get(url + "/api/v1/targets").json().path("data").path("activeTargets");
                long up = 0;
                for (JsonNode target : targets) {
                    up += "up".equals(target.path("health").asText()) ? 1 : 0;
                }
                if (up == count) {
                    return;
                }
            } catch (IllegalStateException | AssertionError notYet) {
                // not listening yet
            }
            Quietly.sleep(250);
        }
        throw new IllegalStateException("prometheus did not scrape all " + count + " services within 60 s");
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }
}
