package org.imagingcatalog.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.model.validation.ResourceFields;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Events written before the trust fields existed read back into the same resources, and rebuild the same catalog. */
class ReplayBeforeTrustFieldsTest {

    /** Exactly what {@code EventJson.write} wrote for a seed entry before the trust fields (checked byte for byte). */
    private static final String WRITTEN_BEFORE = """
            {"eventId":"6f1c2a8e-3b5d-4c7a-9e21-0d4b8f6a1c37","type":"EntryVersionPublished","schemaVersion":1,\
            "occurredAt":"2026-11-20T09:00:00.123456Z","resourceId":"covid-ct","version":1,"status":"ACTIVE",\
            "snapshot":{"id":"covid-ct","name":"COVID-CT-Dataset","url":"https://github.com/UCSD-AI4H/COVID-CT",\
            "description":"CT slices of COVID-19 patients collected from preprints and publications, with non-COVID CT \
            slices for comparison.","provider":"University of California San Diego",\
            "modalities":{"ct":"Y","xray":"N","mri":"N","ultrasound":"N"},"metadata":"Y","caseReview":"U",\
            "license":null,"access":"OPEN","formats":["PNG","JPEG"],"counts":{"patients":216,"images":349,\
            "studies":null},"annotations":["classification"],"tags":["covid-19","chest"],"version":1,\
            "status":"ACTIVE"},"changedFields":["id","name"],"summary":"added to the catalog",\
            "reason":"imported from the seed list","sourceSubmissionId":null,"versionCreatedAt":"2026-11-20T09:00:00.100Z"}""";

    private static final Instant AT = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void anEventWrittenBeforeReadsAsAnEntryThatStatesNoTrustFacts() throws Exception {
        EntryVersionPublished event = EventJson.read(WRITTEN_BEFORE, EntryVersionPublished.class);

        Resource expected = new Resource("covid-ct", "COVID-CT-Dataset", "https://github.com/UCSD-AI4H/COVID-CT",
                "CT slices of COVID-19 patients collected from preprints and publications, with non-COVID CT slices"
                        + " for comparison.", "University of California San Diego",
                new Modalities(Availability.Y, Availability.N, Availability.N, Availability.N), Availability.Y,
                Availability.U, null, Access.OPEN, List.of("PNG", "JPEG"), new Counts(216L, 349L, null),
                List.of("classification"), List.of("covid-19", "chest"), 1, ResourceStatus.ACTIVE);
        assertThat(event.snapshot()).isEqualTo(expected);
        assertThat(TrustFields.of(event.snapshot()).isEmpty()).isTrue();
        assertThat(EventSchemaTest.violations(event, EventJson.mapper().readTree(WRITTEN_BEFORE))).isEmpty();
        assertThat(EventJson.write(event)).as("and it is written again the same way").isEqualTo(WRITTEN_BEFORE);
    }

    @Test
    void aReplayOfATopicWrittenBeforeRebuildsTheSameCatalog() throws Exception {
        List<Resource> before = SeedCatalog.load().stream().map(e -> e.resource().withTrust(TrustFields.none())).toList();
        List<String> topic = new ArrayList<>();
        for (Resource r : before) {
            topic.add(EventJson.write(published(r, 1, SeedCatalog.PROVENANCE)));
        }
        for (String event : topic) {
            JsonNode snapshot = EventJson.mapper().readTree(event).path("snapshot");
            ResourceFields.TRUST.forEach(field -> assertThat(snapshot.has(field)).as(field).isFalse());
        }
        topic.add(topic.get(3));

        Map<String, Resource> catalog = replay(topic);
        assertThat(catalog.values()).containsExactlyInAnyOrderElementsOf(
                before.stream().map(r -> r.withVersion(1, ResourceStatus.ACTIVE)).toList());
    }

    @Test
    void aTopicWithTheSeedsTrustVersionsAfterwardsEndsWithTheTrustFields() {
        List<String> topic = new ArrayList<>();
        List<Resource> before = SeedCatalog.load().stream().map(e -> e.resource().withTrust(TrustFields.none())).toList();
        before.forEach(r -> topic.add(EventJson.write(published(r, 1, SeedCatalog.PROVENANCE))));
        for (Resource r : before) {
            SeedCatalog.trustUpdate(r).ifPresent(v2 -> topic.add(EventJson.write(published(v2, 2, SeedCatalog.TRUST_REASON))));
        }

        Map<String, Resource> catalog = replay(topic);
        for (SeedEntry seed : SeedCatalog.load()) {
            Resource rebuilt = catalog.get(seed.resource().id());
            assertThat(rebuilt.content()).as("as a new installation has it in version 1").isEqualTo(seed.resource());
            assertThat(rebuilt.version()).isEqualTo(2);
        }
        assertThat(replay(topic.subList(before.size(), topic.size())).keySet()).as("what compaction keeps")
                .hasSize(13);
    }

    private static EntryVersionPublished published(Resource r, int version, String reason) {
        return EntryVersionPublished.of(r.id(), version, ResourceStatus.ACTIVE, r, ResourceDiff.changedFields(null, r),
                ResourceDiff.summary(null, r), reason, null, AT);
    }

    /** What a consumer of the compacted topic keeps: the highest version of each entry; a replayed event changes nothing. */
    private static Map<String, Resource> replay(List<String> topic) {
        Map<String, EntryVersionPublished> latest = new TreeMap<>();
        for (String json : topic) {
            EntryVersionPublished event = (EntryVersionPublished) EventJson.read(json);
            latest.merge(event.resourceId(), event, (kept, next) -> next.version() >= kept.version() ? next : kept);
        }
        Map<String, Resource> catalog = new TreeMap<>();
        latest.forEach((id, event) -> catalog.put(id, event.snapshot()));
        return catalog;
    }
}
