package org.imagingcatalog.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;

import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.seed.SeedCatalog;
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
}
