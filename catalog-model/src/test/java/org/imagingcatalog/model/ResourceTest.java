package org.imagingcatalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Resource minimal() {
        return new Resource(null, "Name", "https://x.org", null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    @Test
    void missingPartsTakeTheirDefaults() {
        Resource r = minimal();
        assertThat(r.modalities()).isEqualTo(Modalities.unknown());
        assertThat(r.metadata()).isEqualTo(Availability.U);
        assertThat(r.caseReview()).isEqualTo(Availability.U);
        assertThat(r.access()).isEqualTo(Access.UNKNOWN);
        assertThat(r.counts()).isEqualTo(Counts.none());
        assertThat(r.formats()).isEmpty();
        assertThat(r.tags()).isEmpty();
    }

    @Test
    void listsAreImmutableCopies() {
        List<String> tags = new ArrayList<>(List.of("a"));
        Resource r = minimal();
        r = new Resource(r.id(), r.name(), r.url(), null, null, null, null, null, null, null, null, null, null, tags,
                null, null);
        tags.add("b");
        assertThat(r.tags()).containsExactly("a");
        List<String> own = r.tags();
        assertThatThrownBy(() -> own.add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withersKeepTheContent() {
        Resource published = minimal().withId("my-data").withVersion(3, ResourceStatus.WITHDRAWN);
        assertThat(published.id()).isEqualTo("my-data");
        assertThat(published.version()).isEqualTo(3);
        assertThat(published.status()).isEqualTo(ResourceStatus.WITHDRAWN);
        assertThat(published.content()).isEqualTo(minimal().withId("my-data"));
    }

    @Test
    void jsonUsesTheContractsNamesAndLeavesOutAnUnsetReadSide() throws Exception {
        JsonNode json = JSON.valueToTree(minimal());
        assertThat(json.has("version")).isFalse();
        assertThat(json.has("status")).isFalse();
        assertThat(json.has("license")).isTrue();
        assertThat(json.path("modalities").path("ct").asText()).isEqualTo("U");
        assertThat(json.path("caseReview").asText()).isEqualTo("U");

        JsonNode published = JSON.valueToTree(minimal().withVersion(2, ResourceStatus.ACTIVE));
        assertThat(published.path("version").asInt()).isEqualTo(2);
        assertThat(published.path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void jsonReadsBackAndIgnoresTheSeedsSources() throws Exception {
        Resource r = JSON.readValue("""
                {"id": "abc", "name": "n", "url": "https://x.org", "modalities": {"ct": "y"},
                 "sources": ["https://a.org"], "version": 4, "status": "ACTIVE"}""", Resource.class);
        assertThat(r.modalities().ct()).isEqualTo(Availability.Y);
        assertThat(r.modalities().mri()).isEqualTo(Availability.U);
        assertThat(r.version()).isEqualTo(4);
        assertThat(JSON.readValue(JSON.writeValueAsString(r), Resource.class)).isEqualTo(r);
    }

    @Test
    void aResourceWithoutTrustFieldsStatesNothingAndWritesAsBefore() throws Exception {
        Resource r = minimal();
        assertThat(TrustFields.of(r).isEmpty()).isTrue();
        assertThat(r.referenceStandard()).isEqualTo(ReferenceStandard.UNKNOWN);
        assertThat(r.riskOfBias()).isEqualTo(RiskOfBias.unassessed());
        assertThat(r.provenance()).isEmpty();
        List<String> fields = new ArrayList<>();
        JSON.valueToTree(r).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "name", "url", "description", "provider", "modalities", "metadata",
                "caseReview", "license", "access", "formats", "counts", "annotations", "tags");
    }

    @Test
    void trustFieldsSurviveTheWithersAndJsonEvenWithoutJacksonsTimeModule() throws Exception {
        Resource trusted = TrustSamples.trusted();
        Resource published = trusted.withId("covidx").withVersion(2, ResourceStatus.ACTIVE);
        assertThat(TrustFields.of(published)).isEqualTo(TrustSamples.everyTrustField());
        assertThat(TrustFields.of(published.content())).isEqualTo(TrustSamples.everyTrustField());

        JsonNode json = JSON.valueToTree(trusted);
        assertThat(json.path("provenance").path("counts.patients").path("verifiedOn").asText()).isEqualTo("2026-12-01");
        assertThat(json.path("relations").path(0).path("type").asText()).isEqualTo("IsDerivedFrom");
        assertThat(json.path("riskOfBias").path("images").path("risk").asText()).isEqualTo("HIGH");
        assertThat(json.path("provenance").path("relations[0]").has("verifiedBy")).isFalse();
        assertThat(JSON.readValue(JSON.writeValueAsString(trusted), Resource.class)).isEqualTo(trusted);
    }

    @Test
    void onlyTheStatedPartsOfTrustAreWritten() throws Exception {
        Resource partly = minimal().withTrust(new TrustFields(null, null, null, Population.PAEDIATRIC, null,
                RiskOfBias.unassessed().with(RiskDomain.IMAGES, new RiskJudgement(Risk.LOW, "DICOM from the scanner")), null));
        JsonNode json = JSON.valueToTree(partly);
        assertThat(json.path("population").asText()).isEqualTo("PAEDIATRIC");
        assertThat(json.has("referenceStandard")).isFalse();
        assertThat(json.has("relations")).isFalse();
        assertThat(json.path("riskOfBias").size()).isEqualTo(1);
    }

    @Test
    void theConstructorWithoutTrustFieldsIsTheOneOtherModulesCall() {
        Resource r = new Resource("my-data", "n", "https://x.org", null, null, null, null, null, null, null, null, null,
                null, null, 3, ResourceStatus.ACTIVE);
        assertThat(r).isEqualTo(new Resource("my-data", "n", "https://x.org", null, null, null, null, null, null, null,
                null, null, null, null, 3, ResourceStatus.ACTIVE, null, null, null, null, null, null, null));
        assertThat(r.withTrust(TrustSamples.everyTrustField()).withTrust(TrustFields.none())).isEqualTo(r);
    }
}
