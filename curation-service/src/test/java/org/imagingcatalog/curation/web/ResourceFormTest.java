package org.imagingcatalog.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.curation.support.CurationApi;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceReader;
import org.junit.jupiter.api.Test;

class ResourceFormTest {

    @Test
    void errorsAreShownByTheFormFieldTheyConcern() {
        Map<String, String> errors = ResourceForm.errors(List.of(new FieldError("modalities.ct", "must be Y, N or U"),
                new FieldError("counts.patients", "must be a whole number"), new FieldError("tags[2]", "must not be empty"),
                new FieldError("url", "is required")));
        assertThat(errors).containsOnlyKeys("ct", "patients", "tags", "url");
        var fields = ResourceForm.fields(Map.of("ct", List.of("maybe")), errors, false);
        var ct = fields.stream().filter(f -> f.name().equals("ct")).findFirst().orElseThrow();
        assertThat(ct.error()).isEqualTo("must be Y, N or U");
        assertThat(ct.options()).containsExactly("Y", "N", "U");
        assertThat(fields).extracting(ResourceForm.Field::name).contains("id", "name", "url", "xray", "mri", "ultrasound",
                "metadata", "caseReview", "access", "formats", "patients", "images", "studies", "annotations", "tags");
    }

    @Test
    void theTrustFieldsAreTheModelsFormFieldsWithEveryRowAndSpareOnes() {
        Map<String, List<String>> values = ResourceForm.values(withTrust(CurationApi.sample("form-trust")));
        ResourceForm.TrustView trust = ResourceForm.trust(values, Map.of());

        assertThat(trust.singles()).extracting(ResourceForm.Field::name)
                .containsExactly("referenceStandard", "population", "imageSource");
        assertThat(trust.singles().get(0).value()).isEqualTo("RT_PCR");
        assertThat(trust.singles().get(0).choices()).extracting(ResourceForm.Option::label).contains("RT_PCR: an RT-PCR test");
        assertThat(trust.risks()).hasSize(4);
        assertThat(trust.risks().get(0).fields()).extracting(ResourceForm.Field::name, ResourceForm.Field::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rob.participants", "HIGH"),
                        org.assertj.core.groups.Tuple.tuple("rob.participants.reason", "children as controls"));
        // one row per relation plus the spare ones, each input named as the model's form reads it
        assertThat(trust.relations()).hasSize(1 + ResourceForm.SPARE_ROWS);
        assertThat(trust.relations().get(0).fields()).extracting(ResourceForm.Field::name)
                .containsExactly("relation.type", "relation.target", "relation.note");
        assertThat(trust.relations().get(0).fields()).extracting(ResourceForm.Field::value)
                .containsExactly("IsDerivedFrom", "covid-chestxray-dataset", "positives");
        assertThat(trust.relations().get(0).fields().get(0).id()).isEqualTo("f-relations[0].type");
        assertThat(trust.relations().get(2).fields()).allSatisfy(f -> assertThat(f.value()).isEmpty());
        assertThat(trust.identifiers().get(0).fields()).extracting(ResourceForm.Field::value)
                .containsExactly("doi", "10.7937/91ah-v663");
        assertThat(trust.provenance().get(0).fields()).extracting(ResourceForm.Field::name).containsExactly(
                "provenance.field", "provenance.source", "provenance.verifiedOn", "provenance.verifiedBy",
                "provenance.verifiedNow");
        assertThat(trust.provenance().get(0).fields()).extracting(ResourceForm.Field::value).containsExactly(
                "counts.patients", "https://example.org/paper", "2026-12-01", "curator", "0");
        assertThat(trust.fieldPaths()).contains("counts.patients", "relations[0]", "riskOfBias.images");

        // the inverse: what the form shows reads back as the same trust fields
        Resource read = ResourceReader.fromForm(values, Resource.class.cast(CurationApi.sample("form-trust"))).value();
        assertThat(TrustFields.of(read)).isEqualTo(TrustFields.of(withTrust(CurationApi.sample("form-trust"))));
    }

    @Test
    void trustErrorsGoToTheRowTheyConcern() {
        Map<String, List<String>> posted = Map.of(
                "relation.type", List.of("", "IsPartOf", "nonsense"),
                "relation.target", List.of("", "covid-ct", "x y"),
                "relation.note", List.of("", "", ""),
                "provenance.field", List.of("name", "counts.patients", ""),
                "provenance.source", List.of("https://a.example", "ftp://nope", ""));
        Map<String, String> errors = ResourceForm.errors(List.of(
                new FieldError("relations[1].type", "must be a DataCite relation type"),
                new FieldError("relations[0]", "repeats"),
                new FieldError("provenance.counts.patients.source", "must be an absolute http:// or https:// address"),
                new FieldError("provenance.counts.patients", "is given twice"),
                new FieldError("provenance", "a row names no field"),
                new FieldError("riskOfBias.images.reason", "is required"),
                new FieldError("referenceStandard", "must be RT_PCR, ...")), posted);
        // the form's first row is empty, so the model's relations[0] is the form's row 1
        assertThat(errors).containsEntry("relations[2].type", "must be a DataCite relation type")
                .containsEntry("relations[1].target", "repeats")
                .containsEntry("provenance[1].source", "must be an absolute http:// or https:// address")
                .containsEntry("provenance[1].field", "is given twice")
                .containsEntry("provenance", "a row names no field")
                .containsEntry("riskOfBias.images.reason", "is required")
                .containsEntry("referenceStandard", "must be RT_PCR, ...");
        ResourceForm.TrustView trust = ResourceForm.trust(posted, errors);
        assertThat(trust.relations().get(2).fields().get(0).error()).isEqualTo("must be a DataCite relation type");
        assertThat(trust.relations().get(2).fields().get(0).value()).isEqualTo("nonsense");
        assertThat(trust.provenance().get(1).fields().get(1).error()).startsWith("must be an absolute");
        assertThat(trust.risks().get(2).fields().get(1).error()).isEqualTo("is required");
        assertThat(trust.groupErrors()).containsEntry("provenance", "a row names no field");
    }

    static Resource withTrust(Resource r) {
        return r.withTrust(new TrustFields(
                List.of(new Relation(RelationType.IS_DERIVED_FROM, "covid-chestxray-dataset", "positives")),
                List.of(new Identifier(IdentifierScheme.DOI, "https://doi.org/10.7937/91AH-V663")),
                ReferenceStandard.RT_PCR, null, null,
                RiskOfBias.unassessed().with(org.imagingcatalog.model.trust.RiskDomain.PARTICIPANTS,
                        new RiskJudgement(Risk.HIGH, "children as controls")),
                Map.of("counts.patients", new Provenance("https://example.org/paper", LocalDate.parse("2026-12-01"),
                        "curator"))));
    }
}
