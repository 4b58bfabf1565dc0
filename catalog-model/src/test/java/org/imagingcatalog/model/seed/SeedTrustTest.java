package org.imagingcatalog.model.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.TrustFields;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SeedTrustTest {

    private static final Map<String, Resource> SEED = SeedCatalog.load().stream()
            .collect(Collectors.toMap(e -> e.resource().id(), SeedEntry::resource));

    private static JsonNode trustFile() throws Exception {
        try (InputStream in = SeedTrustTest.class.getResourceAsStream("/seed/seed-trust.json")) {
            return EventJson.mapper().readTree(in);
        }
    }

    /** Eurorad's DOI is given as "per-case" (each case report has its own): no DOI, so the seed leaves it out. */
    @Test
    void leavesOutExactlyTheFactsTheModelRefusesAndSaysWhy() {
        assertThat(SeedCatalog.refusedTrustFacts()).containsExactly(new RefusedSeedFact("eurorad", "identifiers[0]",
                "{\"scheme\":\"doi\",\"value\":\"per-case\"}",
                "identifiers[0].value must be a DOI such as 10.5281/zenodo.3757476, not \"per-case\""));
        Resource eurorad = SEED.get("eurorad");
        assertThat(eurorad.identifiers()).isEmpty();
        assertThat(eurorad.referenceStandard()).isEqualTo(ReferenceStandard.CLINICAL);
        assertThat(eurorad.imageSource()).isEqualTo(ImageSource.FROM_PUBLICATIONS);
    }

    @Test
    void keepsEveryOtherFactTheFileStates() throws Exception {
        for (JsonNode entry : trustFile()) {
            String id = entry.path("id").asText();
            Resource r = SEED.get(id);
            assertThat(r.relations()).as(id).hasSize(entry.path("relations").size());
            assertThat(r.identifiers()).as(id).hasSize(entry.path("identifiers").size() - (id.equals("eurorad") ? 1 : 0));
            assertThat(r.referenceStandard()).as(id).isEqualTo(ReferenceStandard.parse(entry.path("referenceStandard").asText(null)));
            assertThat(r.population()).as(id).isEqualTo(Population.parse(entry.path("population").asText(null)));
            assertThat(r.imageSource()).as(id).isEqualTo(ImageSource.parse(entry.path("imageSource").asText(null)));
            entry.path("riskOfBias").fields().forEachRemaining(domain -> assertThat(
                    EventJson.mapper().valueToTree(r.riskOfBias()).get(domain.getKey())).as(id).isEqualTo(domain.getValue()));
            entry.path("provenance").fieldNames().forEachRemaining(field -> assertThat(r.provenance()).as(id).containsKey(field));
            for (int i = 0; i < r.relations().size(); i++) {
                JsonNode stated = entry.path("relations").path(i);
                assertThat(r.relations().get(i).type().dataCite()).isEqualTo(stated.path("type").asText());
                assertThat(r.relations().get(i).target()).isEqualTo(stated.path("target").asText());
                assertThat(r.relations().get(i).note()).isEqualTo(stated.path("note").asText());
            }
        }
    }

    @Test
    void eachRelationsOwnSourceIsItsProvenanceWhereTheFileNamesOne() {
        Resource cohen = SEED.get("covid-chestxray-dataset");
        assertThat(cohen.relations()).extracting(r -> r.target()).containsExactly("sirm-covid-19-database",
                "radiopaedia-covid-19", "eurorad", "coronacases", "https://github.com/ml-workgroup/covid-19-image-repository");
        assertThat(cohen.provenance().get("relations[2]")).isEqualTo(new Provenance(
                "https://github.com/ieee8023/covid-chestxray-dataset/blob/036b4dba7c439b7f274ef6287443560b45e8f6f8/scripts/eurorad.py",
                LocalDate.parse("2026-12-03"), "catalog research"));
        assertThat(cohen.provenance().get("relations[4]").source()).endsWith("/scripts/hannover.py");

        assertThat(SEED.get("covid-19-radiography-database").provenance()).as("its Eurorad relation names no source")
                .containsKeys("relations", "relations[2]").doesNotContainKey("relations[3]");
        assertThat(SEED.get("medseg-covid-19").provenance()).containsKeys("relations[0]").doesNotContainKey("relations[1]");
    }

    @Test
    void identifiersAreInTheirNormalForm() {
        assertThat(SEED.get("covid-ct").identifiers()).containsExactly(
                new Identifier(IdentifierScheme.GITHUB, "ucsd-ai4h/covid-ct"), new Identifier(IdentifierScheme.ARXIV, "2003.13865"));
        assertThat(SEED.get("covid19-lung-ultrasound").identifiers()).extracting(Identifier::value)
                .contains("10.1136/thorax-2020-btsabstracts.404");
        Resource cord19 = SEED.get("cord-19");
        assertThat(cord19.identifiers()).hasSize(3);
        assertThat(TrustFields.of(cord19)).isEqualTo(new TrustFields(null, cord19.identifiers(), null, null, null, null, null));
    }

    @Test
    void theSeedsPaediatricControlsAreAHighRiskForParticipants() {
        Resource radiography = SEED.get("covid-19-radiography-database");
        assertThat(radiography.riskOfBias().participants().risk()).isEqualTo(Risk.HIGH);
        assertThat(radiography.population()).isEqualTo(Population.MIXED);
        assertThat(radiography.relations()).extracting(r -> r.type()).containsOnly(RelationType.IS_DERIVED_FROM);
    }

    @Test
    void anInstallationWithTheOldSeedReceivesTheTrustFieldsOnceAsANewVersion() {
        for (Resource seeded : SEED.values()) {
            Resource old = seeded.withTrust(TrustFields.none()).withVersion(1, ResourceStatus.ACTIVE);
            Resource updated = SeedCatalog.trustUpdate(old).orElseThrow();
            assertThat(updated).isEqualTo(seeded.withVersion(1, ResourceStatus.ACTIVE));
            assertThat(SeedCatalog.trustUpdate(updated)).as("a second time changes nothing").isEmpty();
        }
        assertThat(SeedCatalog.TRUST_REASON).isEqualTo("trust fields from the seed's sources");
    }

    @Test
    void aCuratorsOwnTrustFactsStayAndKeepNoSeedSourceForThem() {
        Resource seeded = SEED.get("covid-ct");
        Resource curated = seeded.withTrust(new TrustFields(null, null, null, Population.ADULT, null, null,
                Map.of("population", new Provenance("https://example.org/ages", LocalDate.parse("2026-12-02"), "curator"))));
        Resource updated = SeedCatalog.trustUpdate(curated).orElseThrow();
        assertThat(updated.population()).isEqualTo(Population.ADULT);
        assertThat(updated.provenance().get("population").source()).isEqualTo("https://example.org/ages");
        assertThat(updated.referenceStandard()).isEqualTo(seeded.referenceStandard());
        assertThat(updated.provenance().get("referenceStandard")).isEqualTo(seeded.provenance().get("referenceStandard"));
        assertThat(updated.identifiers()).isEqualTo(seeded.identifiers());
    }

    @Test
    void anEntryThatIsNotInTheSeedReceivesNothing() {
        Resource other = SEED.get("covid-ct").withId("someone-elses-data").withTrust(TrustFields.none());
        assertThat(SeedCatalog.trustUpdate(other)).isEmpty();
    }
}
