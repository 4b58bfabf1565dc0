package org.imagingcatalog.publicweb.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.imagingcatalog.publicweb.support.Entries;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * Exports larger than what the response cache keeps in memory (here 1 KiB, so the seed catalog's are) are rendered
 * once per catalog version into a file and sent from it: the same bytes and headers as a fresh rendering, 304 to a
 * client that holds them, served before JAX-RS, and a new file once the catalog changes.
 */
@QuarkusTest
@TestProfile(LargeExportFilesTest.SmallMemoryCache.class)
class LargeExportFilesTest {

    static final Path DIR = Path.of("target", "large-export-files");

    public static class SmallMemoryCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("catalog.cache.max-entry-bytes", "1024", "catalog.cache.export-dir", DIR.toString());
        }
    }

    @Inject
    CachedResponseFilter cachedResponses;

    @Test
    void aLargeExportIsRenderedOnceIntoAFileAndSentFromIt() throws IOException {
        String word = Entries.unique("large");
        for (int i = 0; i < 3; i++) {
            String id = Entries.unique("large-" + i);
            Entries.publish(Entries.resource(id, "Large export " + i + " " + word, "YNNNYU", "described " + "at length "
                    .repeat(40), List.of(word)));
            Entries.awaitVersion(id, 1);
        }
        for (String path : List.of("/export/catalog.csv", "/export/catalog.ttl", "/export/catalog.jsonld",
                "/export/catalog.rdf", "/export/catalog.bib")) {
            Response first = given().get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            byte[] body = first.asByteArray();
            assertThat(body.length).as(path + " is larger than the memory cache keeps").isGreaterThan(1024);
            assertThat(storedFiles()).as(path + ": its file holds its bytes").anySatisfy(
                    file -> assertThat(Files.readAllBytes(file)).isEqualTo(body));

            long before = cachedResponses.served();
            Response second = given().get(path);
            assertThat(cachedResponses.served()).as(path + " sent from its file before JAX-RS").isEqualTo(before + 1);
            assertThat(second.asByteArray()).as(path).isEqualTo(body);
            for (String header : List.of("Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Length")) {
                assertThat(second.header(header)).as(path + " " + header).isNotNull().isEqualTo(first.header(header));
            }
            given().header("If-None-Match", first.header("ETag")).get(path).then().statusCode(304);
            Response fresh = given().header("Cache-Control", "no-cache").get(path);
            assertThat(fresh.asByteArray()).as(path + " rendered afresh").isEqualTo(body);
        }
    }

    @Test
    void aChangedCatalogIsExportedAnew() {
        String before = given().get("/export/catalog.csv").asString();
        String id = Entries.unique("large-export");
        Entries.publish(Entries.resource(id, "Large export " + id, "YNNNYU", "new", List.of("export")));
        Entries.awaitVersion(id, 1);
        String after = given().get("/export/catalog.csv").asString();
        assertThat(before).doesNotContain(id);
        assertThat(after).contains(id);
        assertThat(given().get("/export/catalog.csv").asString()).isEqualTo(after);
    }

    private static List<Path> storedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            return files.filter(f -> f.toString().endsWith(".out")).toList();
        }
    }
}
