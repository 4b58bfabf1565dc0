package org.imagingcatalog.curation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.validation.FieldError;
import org.junit.jupiter.api.Test;

class ResourceFormTest {

    @Test
    void errorsAreShownByTheFormFieldTheyConcern() {
        Map<String, String> errors = ResourceForm.errors(List.of(new FieldError("modalities.ct", "must be Y, N or U"),
                new FieldError("counts.patients", "must be a whole number"), new FieldError("tags[2]", "must not be empty"),
                new FieldError("url", "is required")));
        assertThat(errors).containsOnlyKeys("ct", "patients", "tags", "url");
        var fields = ResourceForm.fields(Map.of("ct", "maybe"), errors, false);
        var ct = fields.stream().filter(f -> f.name().equals("ct")).findFirst().orElseThrow();
        assertThat(ct.error()).isEqualTo("must be Y, N or U");
        assertThat(ct.options()).containsExactly("Y", "N", "U");
        assertThat(fields).extracting(ResourceForm.Field::name).contains("id", "name", "url", "xray", "mri", "ultrasound",
                "metadata", "caseReview", "access", "formats", "patients", "images", "studies", "annotations", "tags");
    }
}
