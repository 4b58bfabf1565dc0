package org.imagingcatalog.model.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.TrustSamples;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Risk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The resource schema grew additively: trust fields validate, and their vocabularies are the code's. */
class TrustSchemaTest {

    private static final EntryVersionPublished EVENT = EntryVersionPublished.of("covidx-cxr", 2, ResourceStatus.ACTIVE,
            TrustSamples.trusted(), List.of("relations"), "relations changed", null, null, Instant.parse("2026-12-03T10:00:00Z"));

    private static JsonNode schema() throws Exception {
        try (InputStream in = TrustSchemaTest.class.getResourceAsStream(EventSchemas.RESOURCE)) {
            return EventJson.mapper().readTree(in);
        }
    }

    private static List<String> enumAt(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void theSchemasVocabulariesAreTheCodes() throws Exception {
        JsonNode schema = schema();
        JsonNode properties = schema.path("properties");
        JsonNode defs = schema.path("$defs");
        assertThat(enumAt(defs.path("relation").path("properties").path("type")))
                .containsExactlyElementsOf(Arrays.stream(RelationType.values()).map(RelationType::dataCite).toList());
        assertThat(enumAt(defs.path("identifier").path("properties").path("scheme")))
                .containsExactlyElementsOf(Arrays.stream(IdentifierScheme.values()).map(IdentifierScheme::key).toList());
        assertThat(enumAt(defs.path("judgement").path("properties").path("risk")))
                .containsExactlyElementsOf(Arrays.stream(Risk.values()).map(Enum::name).toList());
        assertThat(enumAt(properties.path("referenceStandard")))
                .containsExactlyElementsOf(Arrays.stream(ReferenceStandard.values()).map(Enum::name).toList());
        assertThat(enumAt(properties.path("population")))
                .containsExactlyElementsOf(Arrays.stream(Population.values()).map(Enum::name).toList());
        assertThat(enumAt(properties.path("imageSource")))
                .containsExactlyElementsOf(Arrays.stream(ImageSource.values()).map(Enum::name).toList());
        assertThat(schema.path("additionalProperties").asBoolean(true)).as("as before").isFalse();
    }

    @Test
    void aSnapshotWithEveryTrustFieldValidatesAndReadsBackEqual() throws Exception {
        String json = EventJson.write(EVENT);
        assertThat(EventSchemaTest.violations(EVENT, EventJson.mapper().readTree(json))).isEmpty();
        assertThat(EventJson.read(json)).isEqualTo(EVENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relationType", "identifierScheme", "riskWithoutReason", "provenanceDate", "population",
            "unknownDomain"})
    void aBadTrustValueInASnapshotFailsTheSchema(String bad) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(EventJson.write(EVENT));
        ObjectNode snapshot = (ObjectNode) json.get("snapshot");
        Consumer<ObjectNode> spoil = switch (bad) {
            case "relationType" -> s -> ((ObjectNode) s.path("relations").path(0)).put("type", "Borrows");
            case "identifierScheme" -> s -> ((ObjectNode) s.path("identifiers").path(0)).put("scheme", "isbn");
            case "riskWithoutReason" -> s -> ((ObjectNode) s.path("riskOfBias").path("images")).remove("reason");
            case "provenanceDate" -> s -> ((ObjectNode) s.path("provenance").path("counts.patients")).put("verifiedOn", "yesterday");
            case "population" -> s -> s.put("population", "CHILDREN");
            default -> s -> ((ObjectNode) s.path("riskOfBias")).putObject("spectrum").put("risk", "LOW").put("reason", "r");
        };
        spoil.accept(snapshot);
        assertThat(EventSchemaTest.violations(EVENT, json)).isNotEmpty();
    }
}
