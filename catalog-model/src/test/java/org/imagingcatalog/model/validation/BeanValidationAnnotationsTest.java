package org.imagingcatalog.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.TrustSamples;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/** The annotations on Resource only document the rules; they must never contradict ResourceValidator. */
class BeanValidationAnnotationsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Set<String> violatedFields(Resource r) {
        return VALIDATOR.validate(r).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @Test
    void theSeedSatisfiesTheAnnotations() {
        SeedCatalog.load().forEach(e -> assertThat(violatedFields(e.resource())).as(e.resource().id()).isEmpty());
    }

    @Test
    void whatTheAnnotationsRefuseTheValidatorRefusesToo() {
        Resource seed = SeedCatalog.load().get(0).resource();
        Resource bad = new Resource("Bad_Slug", "n".repeat(201), null, null, null, null, null, null, null, null, null,
                new Counts(-1L, null, null), null, null, null, null);
        Set<String> annotated = violatedFields(bad);
        assertThat(annotated).contains("id", "name", "url", "counts.patients");
        Set<String> validated = ResourceValidator.validate(bad, true).stream().map(FieldError::field)
                .collect(Collectors.toSet());
        assertThat(validated).containsAll(annotated);
        assertThat(violatedFields(seed)).isEmpty();
    }

    @Test
    void whatTheAnnotationsRefuseInTrustFieldsTheValidatorRefusesToo() {
        Resource bad = TrustSamples.bare("covidx-cxr", "https://x.org").withTrust(new TrustFields(
                List.of(new Relation(null, "covid-ct", "n".repeat(Limits.NOTE_MAX + 1)), new Relation(RelationType.CITES, null, null)),
                List.of(new Identifier(null, "10.1234/x"), new Identifier(IdentifierScheme.DOI, " ")), null, null, null,
                RiskOfBias.unassessed().with(RiskDomain.IMAGES, new RiskJudgement(null, " ")),
                Map.of("counts.patients", new Provenance(null, null, "v".repeat(Limits.VERIFIED_BY_MAX + 1)))));
        Set<String> annotated = violatedFields(bad).stream()
                .map(field -> field.replaceAll("provenance\\[(.*)]\\.", "provenance.$1.")) // the validator's map paths
                .collect(Collectors.toSet());
        assertThat(annotated).contains("relations[0].type", "relations[0].note", "relations[1].target",
                "identifiers[0].scheme", "identifiers[1].value", "riskOfBias.images.risk", "riskOfBias.images.reason",
                "provenance.counts.patients.source", "provenance.counts.patients.verifiedOn",
                "provenance.counts.patients.verifiedBy");
        Set<String> validated = ResourceValidator.validate(bad, true).stream().map(FieldError::field)
                .collect(Collectors.toSet());
        assertThat(validated).containsAll(annotated);
    }
}
