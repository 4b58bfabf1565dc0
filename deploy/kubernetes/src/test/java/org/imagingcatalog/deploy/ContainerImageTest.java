package org.imagingcatalog.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image Jib builds for each service (group and name from its application.properties, the tag
 * being the project version) is the image the manifests and the Compose file run, and it runs as
 * the same non-root user as the Dockerfile.
 */
class ContainerImageTest {

    private static final String VERSION = "0.1.0-SNAPSHOT";

    @ParameterizedTest
    @ValueSource(strings = { "public-web", "submission-service", "curation-service" })
    void jibBuildsTheImageTheManifestsRunAsANonRootUser(String service) throws IOException {
        Properties config = applicationProperties(service);
        String image = config.getProperty("quarkus.container-image.group") + "/"
                + config.getProperty("quarkus.container-image.name") + ":" + VERSION;

        assertThat(config.getProperty("quarkus.container-image.build")).as("no image in an ordinary build")
                .isEqualTo("false");
        assertThat(config.getProperty("quarkus.jib.user")).isEqualTo("185");
        assertThat(Files.readString(serviceDir(service).resolve("src/main/docker/Dockerfile.jvm")))
                .contains("USER 185")
                .contains("FROM " + config.getProperty("quarkus.jib.base-jvm-image"));

        ComposeFileTest.parse();
        String manifest = Files.readString(Rendered.manifestsDir().resolve("base/" + service + ".yaml"));
        assertThat(manifest).contains("image: " + image);
        assertThat(ComposeFileTest.repository(ComposeFileTest.service(service).path("image").asText()))
                .isEqualTo(ComposeFileTest.repository(image));
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(serviceDir(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Path serviceDir(String service) {
        return Rendered.manifestsDir().resolve("../..").resolve(service).normalize();
    }
}
