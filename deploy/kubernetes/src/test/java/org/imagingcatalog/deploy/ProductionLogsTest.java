package org.imagingcatalog.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service logs JSON lines in production (the profile its jar runs in on the cluster and in Compose) and plain
 * text in dev mode and the tests, and no manifest switches production back to text.
 */
class ProductionLogsTest {

    private static final String JSON_LOGS = "quarkus.log.console.json.enabled";

    @ParameterizedTest
    @ValueSource(strings = {"public-web", "submission-service", "curation-service"})
    void jsonLinesInProductionPlainTextInDevAndTests(String service) throws IOException {
        Path dir = Rendered.manifestsDir().resolve("../..").resolve(service).normalize();
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            config.load(reader);
        }
        assertThat(inProfile(config, "prod")).as("%s in production", service).isEqualTo("true");
        assertThat(inProfile(config, "dev")).as("%s in dev mode", service).isEqualTo("false");
        assertThat(inProfile(config, "test")).as("%s in the tests", service).isEqualTo("false");
        assertThat(Files.readString(dir.resolve("pom.xml"))).as("%s has the extension", service)
                .contains("<artifactId>quarkus-logging-json</artifactId>");
    }

    /**
     * Each JSON line written inside a span carries its trace and span ids: OpenTelemetry puts them into the MDC
     * ({@code traceId}, {@code spanId}), which the JSON lines print unless the MDC is excluded, and production keeps the
     * SDK on. TraceIT reads such lines of the real services.
     */
    @ParameterizedTest
    @ValueSource(strings = {"public-web", "submission-service", "curation-service"})
    void jsonLinesCarryTheTraceIdOfTheirSpan(String service) throws IOException {
        Path dir = Rendered.manifestsDir().resolve("../..").resolve(service).normalize();
        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("src/main/resources/application.properties"))) {
            config.load(reader);
        }
        assertThat(Files.readString(dir.resolve("pom.xml"))).as("%s has the extension", service)
                .contains("<artifactId>quarkus-opentelemetry</artifactId>");
        for (String key : List.of("quarkus.log.console.json.excluded-keys", "%prod.quarkus.log.console.json.excluded-keys")) {
            assertThat(config.getProperty(key, "")).as("%s: %s", service, key).doesNotContain("mdc");
        }
        assertThat(inProfile(config, "prod", "quarkus.otel.sdk.disabled")).as("%s: tracing in production", service)
                .isIn(null, "false");
        assertThat(inProfile(config, "prod", "quarkus.log.console.json.fields.mdc.enabled"))
                .as("%s: the MDC in the JSON lines", service).isIn(null, "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void noManifestTurnsJsonLogsOff(String overlay) {
        Rendered r = Rendered.overlay(overlay);
        for (var deployment : r.list("Deployment")) {
            for (var container : deployment.path("spec").path("template").path("spec").path("containers")) {
                var env = r.environment(container).get("QUARKUS_LOG_CONSOLE_JSON_ENABLED");
                assertThat(env == null ? null : env.isTextual() ? env.asText() : env.path("value").asText())
                        .as("%s: QUARKUS_LOG_CONSOLE_JSON_ENABLED", Rendered.id(deployment)).isIn(null, "true");
            }
        }
    }

    /** What Quarkus reads in {@code profile}: the %profile. key when there is one, else the plain key. */
    private static String inProfile(Properties config, String profile) {
        return inProfile(config, profile, JSON_LOGS);
    }

    private static String inProfile(Properties config, String profile, String key) {
        return config.getProperty("%" + profile + "." + key, config.getProperty(key));
    }
}
