package org.imagingcatalog.deploy.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Every PromQL query of the catalog's Grafana dashboard and PrometheusRule, with where it stands, so tests can check
 * that the metrics they read exist: the manifests' tests read them from the rendered overlays, the system tests from
 * the files in {@code base/monitoring} and compare them with what the running services export.
 */
public final class MonitoringQueries {

    /** Where the dashboard and the rules are, relative to {@code deploy/kubernetes}. */
    public static final String DASHBOARD = "base/monitoring/catalog-overview.json";
    public static final String RULES = "base/monitoring/prometheus-rules.yaml";

    /** One query: {@code where} is e.g. "dashboard panel Review queue by status" or "alert CatalogMailBacklog". */
    public record Query(String where, String expression) {

        public Set<String> metricNames() {
            return PromQl.metricNames(expression);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MonitoringQueries() {
    }

    /** The queries of the dashboard and the rules in {@code manifestsDir} (deploy/kubernetes). */
    public static List<Query> inFiles(Path manifestsDir) {
        try {
            List<Query> queries = new ArrayList<>(ofDashboard(JSON.readTree(Files.readString(manifestsDir.resolve(DASHBOARD)))));
            queries.addAll(ofRule(YAML.readTree(Files.readString(manifestsDir.resolve(RULES)))));
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each target's {@code expr} of each panel (also panels inside collapsed rows). */
    public static List<Query> ofDashboard(JsonNode dashboard) {
        List<Query> queries = new ArrayList<>();
        collectPanels(dashboard.path("panels"), queries);
        return queries;
    }

    /** Each rule's {@code expr} of a PrometheusRule. */
    public static List<Query> ofRule(JsonNode prometheusRule) {
        List<Query> queries = new ArrayList<>();
        for (JsonNode group : prometheusRule.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String name = rule.has("alert") ? "alert " + rule.path("alert").asText()
                        : "recording rule " + rule.path("record").asText();
                queries.add(new Query(name, rule.path("expr").asText()));
            }
        }
        return queries;
    }

    /** metric name -> where it is read. */
    public static Map<String, Set<String>> metricNames(List<Query> queries) {
        Map<String, Set<String>> names = new TreeMap<>();
        for (Query query : queries) {
            query.metricNames().forEach(name -> names.computeIfAbsent(name, n -> new TreeSet<>()).add(query.where()));
        }
        return names;
    }

    private static void collectPanels(JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    queries.add(new Query("dashboard panel " + panel.path("title").asText(), target.path("expr").asText()));
                }
            }
            collectPanels(panel.path("panels"), queries);
        }
    }
}
