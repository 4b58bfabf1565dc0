package org.imagingcatalog.model.patch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.TrustSamples;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.Validated;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class MergePatchTest {

    private static final Resource CURRENT = new Resource("covid-ct", "COVID-CT-Dataset", "https://github.com/UCSD-AI4H/COVID-CT",
            "CT slices from preprints.", "UC San Diego", new Modalities(Availability.Y, Availability.N, Availability.N,
                    Availability.N),
            Availability.Y, Availability.N, "MIT", Access.OPEN, List.of("PNG", "JPEG"), new Counts(216L, 349L, null),
            List.of("classification"), List.of("covid-19", "chest"), null, null);

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    @Test
    void aCorrectionNamingOneCountChangesThatCountAndNothingElse() throws Exception {
        Validated<Resource> patched = MergePatch.applyTo(CURRENT, json("{\"counts\": {\"patients\": 220}}"));

        assertThat(patched.errors()).isEmpty();
        assertThat(patched.value().counts()).isEqualTo(new Counts(220L, 349L, null));
        assertThat(ResourceDiff.changedFields(CURRENT, patched.value())).containsExactly("counts.patients");
    }

    @Test
    void nameUrlAndCountsAloneKeepDescriptionProviderFlagsAccessFormatsAndTags() throws Exception {
        Resource patched = MergePatch.applyTo(CURRENT, json("""
                {"name": "COVID-CT", "url": "https://example.org/covid-ct", "counts": {"patients": 1, "images": 2}}
                """)).value();

        assertThat(patched.description()).isEqualTo(CURRENT.description());
        assertThat(patched.provider()).isEqualTo(CURRENT.provider());
        assertThat(patched.modalities()).isEqualTo(CURRENT.modalities());
        assertThat(patched.metadata()).isEqualTo(Availability.Y);
        assertThat(patched.access()).isEqualTo(Access.OPEN);
        assertThat(patched.formats()).containsExactly("PNG", "JPEG");
        assertThat(patched.tags()).containsExactly("covid-19", "chest");
    }

    @Test
    void nullClearsAnOptionalFieldAndIsRefusedForARequiredOne() throws Exception {
        Resource cleared = MergePatch.applyTo(CURRENT, json("{\"license\": null, \"modalities\": {\"ct\": null}, \"tags\": null}"))
                .value();
        assertThat(cleared.license()).isNull();
        assertThat(cleared.modalities().ct()).isEqualTo(Availability.U);
        assertThat(cleared.tags()).isEmpty();

        Validated<Resource> refused = MergePatch.applyTo(CURRENT, json("{\"name\": null, \"id\": \"other-id\"}"));
        assertThat(refused.value()).isNull();
        assertThat(refused.errors()).extracting(FieldError::field).contains("name", "id");
    }

    @Test
    void wrongTypesAndUnknownFieldsAreNamed() throws Exception {
        Validated<Resource> refused = MergePatch.applyTo(CURRENT, json("{\"counts\": {\"patients\": \"many\"}, \"colour\": \"red\"}"));
        assertThat(refused.errors()).extracting(FieldError::field).contains("counts.patients", "colour");
        assertThat(MergePatch.applyTo(CURRENT, json("[1]")).errors()).hasSize(1);
    }

    @Test
    void clearingAFieldNoResourceHasIsNamedNotIgnored() throws Exception {
        Validated<Resource> refused = MergePatch.applyTo(CURRENT,
                json("{\"licence\": null, \"counts\": {\"subjects\": null}, \"modalities\": {\"pet\": null}}"));
        assertThat(refused.value()).isNull();
        assertThat(refused.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("licence", "counts.subjects", "modalities.pet");
        assertThat(MergePatch.applyTo(CURRENT, json("{\"license\": null, \"status\": null}")).errors()).isEmpty();
    }

    @Test
    void followsRfc7396sExamples() throws Exception {
        JsonNode target = json("{\"a\": \"b\", \"c\": {\"d\": \"e\", \"f\": \"g\"}}");
        assertThat(MergePatch.apply(target, json("{\"a\": \"z\", \"c\": {\"f\": null}}")))
                .isEqualTo(json("{\"a\": \"z\", \"c\": {\"d\": \"e\"}}"));
        assertThat(MergePatch.apply(json("{\"a\": [\"b\"]}"), json("{\"a\": \"c\"}"))).isEqualTo(json("{\"a\": \"c\"}"));
        assertThat(MergePatch.apply(json("{\"a\": \"foo\"}"), json("null"))).isEqualTo(json("null"));
        assertThat(MergePatch.apply(json("{\"e\": null}"), json("{\"a\": 1}"))).isEqualTo(json("{\"e\": null, \"a\": 1}"));
        assertThat(target).isEqualTo(json("{\"a\": \"b\", \"c\": {\"d\": \"e\", \"f\": \"g\"}}"));
    }

    @Test
    void namesTheFieldsAReviewerMustSee() throws Exception {
        assertThat(MergePatch.namedFields(json("{\"counts\": {\"patients\": 1}, \"tags\": null, \"modalities\": {\"ct\": \"Y\"}}")))
                .containsExactly("counts.patients", "tags", "modalities.ct");
    }

    @Test
    void theDifferenceOfTwoVersionsIsThePatchThatLeadsFromOneToTheOther() {
        Resource edited = new Resource(CURRENT.id(), CURRENT.name(), CURRENT.url(), CURRENT.description(), null,
                new Modalities(Availability.Y, Availability.Y, Availability.N, Availability.N), Availability.Y,
                Availability.N, "MIT", Access.OPEN, List.of("PNG"), new Counts(216L, 400L, null), List.of("classification"),
                List.of("covid-19", "chest"), null, null);

        ObjectNode patch = MergePatch.between(CURRENT, edited);

        assertThat(MergePatch.namedFields(patch)).containsExactlyInAnyOrder("provider", "modalities.xray", "formats",
                "counts.images");
        assertThat(MergePatch.applyTo(CURRENT, patch).value()).isEqualTo(edited);
        assertThat(MergePatch.between(CURRENT, CURRENT)).isEmpty();
    }

    /**
     * The property: whatever a valid partial correction names, every field it does not name stays; also for
     * the trust fields, on an entry without them and on one with every one of them.
     */
    @Test
    void randomPartialCorrectionsNeverChangeAFieldTheyDoNotName() {
        Random random = new Random(7396);
        for (Resource current : List.of(CURRENT, CURRENT.withTrust(TrustSamples.everyTrustField()))) {
            for (int run = 0; run < 2_000; run++) {
                ObjectNode patch = randomPatch(random);
                randomTrustPatch(random, current, patch);
                Validated<Resource> patched = MergePatch.applyTo(current, patch);
                assertThat(patched.errors()).as("patch %s", patch).isEmpty();
                Set<String> named = MergePatch.namedFields(patch);
                for (String changed : ResourceDiff.changedFields(current, patched.value())) {
                    assertThat(named.stream().anyMatch(n -> changed.equals(n) || changed.startsWith(n + ".")))
                            .as("patch %s changed %s, which it does not name", patch, changed).isTrue();
                }
            }
        }
    }

    @Test
    void aCorrectionOfOneRiskReasonOrOneSourceKeepsTheRestOfTheTrustFields() throws Exception {
        Resource trusted = CURRENT.withTrust(TrustSamples.everyTrustField());
        Resource patched = MergePatch.applyTo(trusted, json("""
                {"riskOfBias": {"images": {"reason": "DICOM after all"}, "composition": null},
                 "provenance": {"relations[0]": null, "counts.patients": {"verifiedBy": "second curator"}}}""")).value();

        assertThat(ResourceDiff.changedFields(trusted, patched)).containsExactly("riskOfBias.images.reason",
                "riskOfBias.composition.risk", "riskOfBias.composition.reason", "provenance.counts.patients.verifiedBy",
                "provenance.relations[0].source", "provenance.relations[0].verifiedOn");
        assertThat(MergePatch.applyTo(trusted, MergePatch.between(trusted, patched)).value()).isEqualTo(patched);
        assertThat(MergePatch.applyTo(trusted, json("{\"referenceStandard\": null, \"relations\": null}")).value())
                .satisfies(r -> assertThat(r.referenceStandard()).isEqualTo(ReferenceStandard.UNKNOWN))
                .satisfies(r -> assertThat(r.relations()).isEmpty());
    }

    /** Trust members for the patch: lists replaced whole, objects merged member by member, some cleared. */
    private static void randomTrustPatch(Random random, Resource current, ObjectNode patch) {
        switch (random.nextInt(4)) {
            case 0 -> {
                ArrayNode relations = patch.putArray("relations");
                String[] targets = {"source-" + random.nextInt(100), "https://example.org/" + random.nextInt(100),
                        "10.1234/x" + random.nextInt(100)};
                relations.addObject().put("type", "IsDerivedFrom").put("target", targets[random.nextInt(3)]);
            }
            case 1 -> patch.putNull("relations");
            default -> {
            }
        }
        switch (random.nextInt(4)) {
            case 0 -> patch.putArray("identifiers").addObject().put("scheme", "doi").put("value", "10.1234/" + random.nextInt(100));
            case 1 -> patch.putNull("identifiers");
            default -> {
            }
        }
        List<List<String>> vocabularies = List.of(
                List.of("referenceStandard", "RT_PCR", "CLINICAL", "MIXED", "UNKNOWN"),
                List.of("population", "ADULT", "PAEDIATRIC", "UNKNOWN"),
                List.of("imageSource", "HOSPITAL_DICOM", "FROM_PUBLICATIONS", "UNKNOWN"));
        for (List<String> vocabulary : vocabularies) {
            switch (random.nextInt(4)) {
                case 0 -> patch.put(vocabulary.get(0), vocabulary.get(1 + random.nextInt(vocabulary.size() - 1)));
                case 1 -> patch.putNull(vocabulary.get(0));
                default -> {
                }
            }
        }
        if (random.nextBoolean()) {
            ObjectNode rob = patch.putObject("riskOfBias");
            for (RiskDomain domain : RiskDomain.values()) {
                switch (random.nextInt(4)) {
                    case 0 -> rob.putNull(domain.key());
                    case 1 -> rob.putObject(domain.key()).put("risk", Risk.values()[random.nextInt(3)].name())
                            .put("reason", "reason " + random.nextInt(100));
                    case 2 -> {
                        if (current.riskOfBias().get(domain) != null) {
                            rob.putObject(domain.key()).put("reason", "only the reason " + random.nextInt(100));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (random.nextBoolean()) {
            ObjectNode provenance = patch.putObject("provenance");
            for (String field : List.of("counts.patients", "name", "relations[0]")) {
                switch (random.nextInt(4)) {
                    case 0 -> provenance.putNull(field);
                    case 1 -> provenance.putObject(field).put("source", "https://example.org/s" + random.nextInt(100))
                            .put("verifiedOn", "2026-12-0" + (1 + random.nextInt(9)));
                    case 2 -> {
                        if (current.provenance().containsKey(field)) {
                            provenance.putObject(field).put("verifiedBy", "curator " + random.nextInt(100));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
    }

    private static ObjectNode randomPatch(Random random) {
        ObjectNode patch = EventJson.mapper().createObjectNode();
        String[] flags = { "Y", "N", "U" };
        if (random.nextInt(3) == 0) {
            patch.put("name", "Name " + random.nextInt(1000));
        }
        if (random.nextInt(3) == 0) {
            patch.put("url", "https://example.org/" + random.nextInt(1000));
        }
        for (String text : List.of("description", "provider", "license")) {
            switch (random.nextInt(4)) {
                case 0 -> patch.put(text, text + " " + random.nextInt(1000));
                case 1 -> patch.putNull(text);
                default -> {
                }
            }
        }
        if (random.nextBoolean()) {
            ObjectNode modalities = patch.putObject("modalities");
            for (String m : List.of("ct", "xray", "mri", "ultrasound")) {
                switch (random.nextInt(3)) {
                    case 0 -> modalities.put(m, flags[random.nextInt(3)]);
                    case 1 -> modalities.putNull(m);
                    default -> {
                    }
                }
            }
        }
        for (String flag : List.of("metadata", "caseReview")) {
            if (random.nextInt(3) == 0) {
                patch.put(flag, flags[random.nextInt(3)]);
            }
        }
        if (random.nextInt(3) == 0) {
            patch.put("access", Access.values()[random.nextInt(Access.values().length)].name());
        }
        if (random.nextBoolean()) {
            ObjectNode counts = patch.putObject("counts");
            for (String count : List.of("patients", "images", "studies")) {
                switch (random.nextInt(3)) {
                    case 0 -> counts.put(count, random.nextInt(10_000));
                    case 1 -> counts.putNull(count);
                    default -> {
                    }
                }
            }
        }
        for (String list : List.of("formats", "annotations", "tags")) {
            switch (random.nextInt(4)) {
                case 0 -> patch.putArray(list).add("v" + random.nextInt(100));
                case 1 -> patch.putNull(list);
                default -> {
                }
            }
        }
        return patch;
    }
}
