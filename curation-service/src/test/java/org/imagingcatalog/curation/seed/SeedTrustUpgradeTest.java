package org.imagingcatalog.curation.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.imagingcatalog.curation.support.CurationApi.asAdmin;
import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.imagingcatalog.keycloak.KeycloakTestResource;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Topics;
import org.imagingcatalog.model.events.EntryVersionPublished;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.model.validation.ResourceFields;
import org.imagingcatalog.testsupport.kafka.EmbeddedKafka;
import org.imagingcatalog.testsupport.kafka.KafkaTestResource;
import org.imagingcatalog.testsupport.kafka.TopicReader;
import org.imagingcatalog.testsupport.schema.EventSchemaCheck;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * An installation that imported the seed before the trust fields existed ({@link OldInstallation}) starts this
 * version: each seed entry the seed's sources say something about gets exactly one new version with those facts
 * (reason {@link SeedCatalog#TRUST_REASON}, curator seed), published like every version; a curator's own value
 * stays; a restart adds nothing, and a field a curator clears afterwards stays cleared.
 */
@QuarkusTest
@TestProfile(SeedTrustUpgradeTest.AnOldInstallation.class)
class SeedTrustUpgradeTest {

    public static class AnOldInstallation implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OldInstallation.class), new TestResourceEntry(KafkaTestResource.class),
                    new TestResourceEntry(KeycloakTestResource.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Inject
    SeedImporter importer;

    @Test
    void eachSeedEntryWithTrustFactsGotExactlyOneNewVersionAtStartAndARestartAddsNone() throws Exception {
        Map<String, Resource> expected = new LinkedHashMap<>();
        for (SeedEntry entry : SeedCatalog.load()) {
            Resource before = entry.resource().withTrust(TrustFields.none());
            if (entry.resource().id().equals(OldInstallation.EDITED)) {
                before = before.withTrust(new TrustFields(null, null, OldInstallation.CURATORS_STANDARD, null, null,
                        null, null));
            }
            Optional<Resource> update = SeedCatalog.trustUpdate(before);
            int versionsBefore = entry.resource().id().equals(OldInstallation.EDITED) ? 2 : 1;
            JsonPath versions = asCurator().get("/api/v1/resources/{id}/versions", entry.resource().id()).then()
                    .statusCode(200).extract().jsonPath();
            if (update.isEmpty()) {
                assertThat(versions.getList("version")).as(entry.resource().id()).hasSize(versionsBefore);
                continue;
            }
            expected.put(entry.resource().id(), update.get());
            assertThat(versions.getList("version", Integer.class)).as(entry.resource().id()).hasSize(versionsBefore + 1);
            assertThat(versions.getList("reason", String.class)).as("one trust version")
                    .containsOnlyOnce(SeedCatalog.TRUST_REASON).last().isEqualTo(SeedCatalog.TRUST_REASON);
            String last = "[" + versionsBefore + "]";
            assertThat(versions.getString(last + ".curator")).isEqualTo("seed");
            assertThat(versions.getList(last + ".changedFields", String.class)).isNotEmpty()
                    .allSatisfy(f -> assertThat(ResourceFields.TRUST).contains(f.split("[.\\[]", 2)[0]));
            Resource snapshot = EventJson.mapper().convertValue(versions.getMap(last + ".snapshot"), Resource.class);
            assertThat(TrustFields.of(snapshot)).as(entry.resource().id()).isEqualTo(TrustFields.of(update.get()));
            assertThat(snapshot.content().withTrust(TrustFields.none()))
                    .as("nothing but the trust fields changed").isEqualTo(before.content().withTrust(TrustFields.none()));
        }
        assertThat(expected).as("seed entries the sources say something about").hasSizeGreaterThan(3);
        assertThat(expected.values()).as("with the sources as provenance").anySatisfy(r -> assertThat(r.provenance())
                .isNotEmpty().allSatisfy((field, p) -> assertThat(p.source()).startsWith("http")));
        asCurator().get("/api/v1/resources/{id}", OldInstallation.EDITED).then()
                .body("snapshot.referenceStandard", equalTo(OldInstallation.CURATORS_STANDARD.name()))
                .body("reason", equalTo(SeedCatalog.TRUST_REASON));

        // published through the outbox, one event per new version, valid against the event schema
        List<ConsumerRecord<String, String>> published = TopicReader.readUntil(EmbeddedKafka.shared().bootstrapServers(),
                Topics.ENTRIES, records -> trustEvents(records, expected).size() >= expected.size(), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> trustEvents = trustEvents(published, expected);
        assertThat(trustEvents).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (ConsumerRecord<String, String> record : trustEvents) {
            assertThat(EventSchemaCheck.violations(EntryVersionPublished.class, record.value())).isEmpty();
            EntryVersionPublished event = EventJson.read(record.value(), EntryVersionPublished.class);
            assertThat(TrustFields.of(event.snapshot())).isEqualTo(TrustFields.of(expected.get(record.key())));
            assertThat(event.status()).isEqualTo(ResourceStatus.ACTIVE);
        }
        asAdmin().get("/api/v1/audit?action=SEED_IMPORT").then().statusCode(200)
                .body("items[0].detail", equalTo(expected.size() + " resources: " + SeedCatalog.TRUST_REASON));

        // a restart (two instances at once): nothing more
        assertThat(importer.importOnce()).isZero();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(importer::addTrustOnce);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(importer::addTrustOnce);
        assertThat(a.get() + b.get()).isZero();

        // a field a curator clears afterwards stays cleared after the next restart
        String cleared = expected.keySet().iterator().next();
        int current = asCurator().get("/api/v1/resources/{id}", cleared).then().extract().jsonPath().getInt("version");
        asCurator().contentType("application/merge-patch+json").header("If-Match", "\"" + current + "\"")
                .body("{\"relations\": null, \"identifiers\": null, \"referenceStandard\": null, \"population\": null, "
                        + "\"imageSource\": null, \"riskOfBias\": null, \"provenance\": null, \"reason\": \"not confirmed\"}")
                .patch("/api/v1/resources/{id}", cleared).then().statusCode(200).body("version", equalTo(current + 1));
        assertThat(importer.addTrustOnce()).isZero();
        JsonPath after = asCurator().get("/api/v1/resources/{id}", cleared).then().extract().jsonPath();
        assertThat(after.getInt("version")).isEqualTo(current + 1);
        assertThat(TrustFields.of(EventJson.mapper().convertValue(after.getMap("snapshot"), Resource.class)).isEmpty()).isTrue();
    }

    private static List<ConsumerRecord<String, String>> trustEvents(List<ConsumerRecord<String, String>> records,
            Map<String, Resource> expected) {
        return records.stream().filter(r -> expected.containsKey(r.key()))
                .filter(r -> SeedCatalog.TRUST_REASON.equals(EventJson.read(r.value(), EntryVersionPublished.class).reason()))
                .toList();
    }
}
