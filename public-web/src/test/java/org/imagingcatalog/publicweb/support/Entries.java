package org.imagingcatalog.publicweb.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;

/** Publishes entry events to the real broker, as curation-service does, and waits for public-web to show them. */
public final class Entries {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Entries() {
    }

    /** A word no other test uses: ids and search words stay apart on the shared broker and database. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);
    }

    public static Resource resource(String id, String name, String flags, String description, List<String> tags) {
        Availability[] f = new Availability[6];
        for (int i = 0; i < 6; i++) {
            f[i] = Availability.parse(String.valueOf(flags.charAt(i)));
        }
        return new Resource(id, name, "https://example.org/" + id, description, "Test Institute",
                new Modalities(f[0], f[1], f[2], f[3]), f[4], f[5], "CC-BY-4.0", Access.OPEN, List.of("PNG"),
                new Counts(10L, 100L, null), List.of("classification"), tags, null, null);
    }

    public static void publish(Resource resource, int version, ResourceStatus status, String summary, String reason) {
        EntryVersionPublished event = EntryVersionPublished.of(resource.id(), version, status, resource,
                List.of("name"), summary, reason, null, publishedAt(version));
        TopicReader.send(EmbeddedKafka.shared().bootstrapServers(), Topics.ENTRIES, resource.id(),
                EventJson.write(event));
    }

    /** When the tests' entries say a version was published: a day per version from 2024-01-01. */
    public static Instant publishedAt(int version) {
        return Instant.parse("2024-01-01T00:00:00Z").plus(version, ChronoUnit.DAYS);
    }

    public static void publish(Resource resource) {
        publish(resource, 1, ResourceStatus.ACTIVE, "added to the catalog", null);
    }

    /** Waits until the API serves this entry at this version. */
    public static void awaitVersion(String id, int version) {
        await(() -> {
            var response = given().get("/api/v1/resources/" + id);
            return response.statusCode() == 200 && response.jsonPath().getInt("version") == version;
        }, "entry " + id + " at version " + version);
    }

    public static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what);
    }
}
