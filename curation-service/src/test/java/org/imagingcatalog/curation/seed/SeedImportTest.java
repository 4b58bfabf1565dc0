package org.imagingcatalog.curation.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SeedImportTest {

    @Inject
    SeedImporter importer;

    @Test
    void theSeedListBecameVersionOneOfEachResourceOnceAndWasPublished() throws Exception {
        List<SeedEntry> seed = SeedCatalog.load();
        assertThat(seed).hasSize(13);
        Set<String> ids = seed.stream().map(e -> e.resource().id()).collect(Collectors.toSet());

        for (SeedEntry entry : seed) {
            asCurator().get("/api/v1/resources/{id}/versions/1", entry.resource().id()).then().statusCode(200)
                    .body("reason", equalTo(SeedCatalog.PROVENANCE)).body("curator", equalTo("seed"))
                    .body("snapshot.name", equalTo(entry.resource().name())).body("status", equalTo("ACTIVE"));
        }

        // two more importers at once (as if two instances started together): nothing more is imported
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(importer::importOnce);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(importer::importOnce);
        assertThat(a.get() + b.get()).isZero();

        List<ConsumerRecord<String, String>> published = TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(),
                Topics.ENTRIES, records -> records.stream().map(ConsumerRecord::key).filter(ids::contains).count() >= 13,
                Duration.ofSeconds(20)).stream().filter(r -> ids.contains(r.key())).toList();
        List<EntryVersionPublished> firstVersions = published.stream()
                .map(r -> EventJson.read(r.value(), EntryVersionPublished.class)).filter(e -> e.version() == 1).toList();
        assertThat(firstVersions).hasSize(13);
        assertThat(firstVersions).allSatisfy(e -> {
            assertThat(e.reason()).isEqualTo(SeedCatalog.PROVENANCE);
            assertThat(e.snapshot().version()).isEqualTo(1);
        });
        published.forEach(r -> assertThat(EventSchemaCheck.violations(EntryVersionPublished.class, r.value())).isEmpty());
    }

    @Test
    void aNewInstallationGetsTheTrustFieldsInVersionOneAndNoTrustVersionAfterwards() throws Exception {
        List<SeedEntry> seed = SeedCatalog.load();
        assertThat(seed).anySatisfy(e -> assertThat(TrustFields.of(e.resource()).isEmpty()).isFalse());
        for (SeedEntry entry : seed) {
            Resource v1 = EventJson.mapper().readValue(asCurator().get("/api/v1/resources/{id}/versions/1",
                    entry.resource().id()).then().statusCode(200).extract().asString(), VersionSnapshot.class).snapshot();
            assertThat(TrustFields.of(v1)).as(entry.resource().id()).isEqualTo(TrustFields.of(entry.resource()));
        }
        // a restart: nothing to add, every seed entry's trust fields are settled
        assertThat(importer.addTrustOnce()).isZero();
        for (SeedEntry entry : seed) {
            asCurator().get("/api/v1/resources/{id}/versions", entry.resource().id()).then().statusCode(200)
                    .body("reason", not(hasItem(SeedCatalog.TRUST_REASON)));
        }
    }

    /** The part of a version this test reads. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record VersionSnapshot(Resource snapshot) {
    }
}
