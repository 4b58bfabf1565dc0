package org.imagingcatalog.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

class EventSchemaTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.schemaMappers(m -> m.mapPrefix("https://imagingcatalog.org/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static Set<ValidationMessage> violations(CatalogEvent event, JsonNode json) {
        String path = EventSchemas.resourcePath(event.getClass());
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:" + path.substring(1)), CONFIG);
        return schema.validate(json);
    }

    static Stream<CatalogEvent> everyEventTheCodeProduces() {
        Instant now = Instant.parse("2026-11-23T10:15:30.123456Z");
        Stream.Builder<CatalogEvent> events = Stream.builder();
        for (SeedEntry entry : SeedCatalog.load()) {
            Resource r = entry.resource();
            events.add(SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.NEW, null, r.withId(null), "new", "Ada", now));
            events.add(SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.CORRECTION, r.id(), r, null, null, now));
            events.add(EntryVersionPublished.of(r.id(), 1, ResourceStatus.ACTIVE, r, ResourceDiff.changedFields(null, r),
                    ResourceDiff.summary(null, r), SeedCatalog.PROVENANCE, null, now));
        }
        Resource any = SeedCatalog.load().get(0).resource();
        events.add(SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.WITHDRAWAL, any.id(), null, "gone", null, now));
        events.add(SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.CORRECTION, any.id(), null,
                EventJson.mapper().createObjectNode().put("license", "CC-BY-4.0").putNull("provider"), "licence fixed",
                null, now, 2));
        events.add(EntryVersionPublished.of(any.id(), 4, ResourceStatus.WITHDRAWN, any, List.of(), "withdrawn",
                "the data set was taken offline", UUID.randomUUID(), now));
        events.add(SubmissionDecided.of(UUID.randomUUID(), DecisionOutcome.ACCEPT, "thanks", any.id(), 2, now));
        events.add(SubmissionDecided.of(UUID.randomUUID(), DecisionOutcome.REJECT, null, null, null, now));
        events.add(SubmissionDecided.of(UUID.randomUUID(), DecisionOutcome.REQUEST_CHANGES, "add the licence", null, null, now));
        events.add(LinkChecked.of(any.id(), any.url(), LinkStatus.OK, 200, now, null, null));
        events.add(LinkChecked.of(any.id(), any.url(), LinkStatus.REDIRECTED, 301, now, "https://example.org/moved", null));
        events.add(LinkChecked.of(any.id(), any.url(), LinkStatus.BROKEN, null, now, null, "connection refused"));
        List<ReleasedVersion> frozen = SeedCatalog.load().stream().map(e -> new ReleasedVersion(
                e.resource().withVersion(1, ResourceStatus.ACTIVE), now, SeedCatalog.PROVENANCE)).toList();
        events.add(ReleasePublished.of("2026.1", "The first release.", now, null, frozen.size(), 0, frozen));
        events.add(ReleasePublished.of("2026.2", null, now, "2026.1", 0, 0, List.of()));
        return events.build();
    }

    @ParameterizedTest
    @MethodSource("everyEventTheCodeProduces")
    void everyEventValidatesAgainstItsSchemaAndReadsBackEqual(CatalogEvent event) throws Exception {
        String json = EventJson.write(event);
        assertThat(violations(event, EventJson.mapper().readTree(json))).isEmpty();
        assertThat(EventJson.read(json)).isEqualTo(event);
        assertThat(EventJson.read(json, event.getClass())).isEqualTo(event);
    }

    @Test
    void aSubmissionEventWithAnEmailFailsItsSchema() throws Exception {
        CatalogEvent event = everyEventTheCodeProduces().findFirst().orElseThrow();
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
        json.put("email", "someone@example.org");
        assertThat(violations(event, json)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("email"));
    }

    @Test
    void aBadFlagInASnapshotFailsItsSchema() throws Exception {
        CatalogEvent event = everyEventTheCodeProduces().skip(2).findFirst().orElseThrow();
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
        ((ObjectNode) json.path("snapshot").path("modalities")).put("ct", "maybe");
        assertThat(violations(event, json)).isNotEmpty();
    }

    @Test
    void aReleaseNameThatCouldNotBeAPathOrAKeyFailsItsSchema() throws Exception {
        CatalogEvent event = ReleasePublished.of("2026.1", null, Instant.now(), null, 0, 0, List.of());
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
        json.put("release", "../2026 1");
        assertThat(violations(event, json)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("release"));
    }

    @Test
    void eventsCarryTheContractsCommonFields() throws Exception {
        JsonNode json = EventJson.mapper().readTree(EventJson.write(everyEventTheCodeProduces().findFirst().orElseThrow()));
        assertThat(json.path("eventId").asText()).hasSize(36);
        assertThat(json.path("type").asText()).isEqualTo("SubmissionReceived");
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.path("occurredAt").asText()).endsWith("Z");
        assertThat(json.has("key")).isFalse();
    }

    @Test
    void aProposalWrittenBeforePatchesAndRevisionsReadsAsTheFirstRoundWithoutAPatch() throws Exception {
        Resource corrected = SeedCatalog.load().get(1).resource();
        ObjectNode old = EventJson.mapper().valueToTree(SubmissionReceived.of(UUID.randomUUID(), SubmissionKind.CORRECTION,
                corrected.id(), corrected, "renamed", null, Instant.parse("2026-11-23T10:15:30Z")));
        old.remove(List.of("patch", "revision"));

        SubmissionReceived event = EventJson.read(old.toString(), SubmissionReceived.class);
        assertThat(violations(event, old)).isEmpty();
        assertThat(event.revision()).isEqualTo(1);
        assertThat(event.patch()).isNull();
        assertThat(event.proposed()).isEqualTo(corrected);
    }
}
