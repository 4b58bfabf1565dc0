package org.imagingcatalog.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.imagingcatalog.deploy.monitoring.MonitoringQueries;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Prometheus' own tool reads the PrometheusRule: {@code promtool check rules} (the expressions parse, the templates
 * compile) and {@code promtool test rules} with {@code src/test/resources/monitoring/alerts.test.yaml}, which says for
 * every alert when it must fire, when not yet, and what it then says. promtool comes with Debian's {@code prometheus}
 * package ({@code .ci/run} installs it).
 */
class PromToolTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static Path work;

    @BeforeAll
    static void renderTheRulesForPromtool() throws IOException {
        work = Path.of("target", "promtool").toAbsolutePath();
        Files.createDirectories(work);
        JsonNode rule = YAML.readTree(Files.readString(Rendered.manifestsDir().resolve(MonitoringQueries.RULES)));
        YAML.writeValue(work.resolve("rules.yml").toFile(), Map.of("groups", rule.path("spec").path("groups")));
        try (var tests = PromToolTest.class.getResourceAsStream("/monitoring/alerts.test.yaml")) {
            Files.write(work.resolve("alerts.test.yaml"), tests.readAllBytes());
        }
    }

    @Test
    void promtoolAcceptsTheRules() {
        String out = promtool("check", "rules", "rules.yml");
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void everyAlertFiresWhenItShouldSayingWhatItShouldAndNotBefore() throws IOException {
        String out = promtool("test", "rules", "alerts.test.yaml");
        assertThat(out).contains("SUCCESS");

        JsonNode tests = YAML.readTree(work.resolve("alerts.test.yaml").toFile());
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (JsonNode group : tests.path("tests")) {
            for (JsonNode check : group.path("alert_rule_test")) {
                (check.path("exp_alerts").isEmpty() ? quiet : firing).add(check.path("alertname").asText());
            }
        }
        Set<String> alerts = new TreeSet<>();
        YAML.readTree(work.resolve("rules.yml").toFile()).path("groups")
                .forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
        alerts.remove("");
        assertThat(firing).as("alerts with a test of when they fire").containsAll(alerts);
        assertThat(quiet).as("alerts with a test of when they must not fire yet").containsAll(alerts);
    }

    private static String promtool(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("promtool " + String.join(" ", args) + " did not finish in 60 s");
            }
            assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
            return out;
        } catch (IOException e) {
            return fail("promtool is missing (" + e.getMessage() + "): apt-get install prometheus (.ci/run does)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
