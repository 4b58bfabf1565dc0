package org.imagingcatalog.model.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.validation.ResourceValidator;
import org.junit.jupiter.api.Test;

class SeedCatalogTest {

    @Test
    void allThirteenEntriesLoadWithUniqueIdsAndPassValidation() {
        List<SeedEntry> seed = SeedCatalog.load();
        assertThat(seed).hasSize(13);
        assertThat(seed).extracting(e -> e.resource().id()).doesNotHaveDuplicates();
        for (SeedEntry entry : seed) {
            assertThat(ResourceValidator.validate(entry.resource(), true)).as(entry.resource().id()).isEmpty();
            assertThat(entry.sources()).as(entry.resource().id()).isNotEmpty();
        }
    }

    @Test
    void keepsTheFlagsOfTheSourceFile() {
        SeedEntry cord19 = SeedCatalog.load().stream().filter(e -> e.resource().id().equals("cord-19")).findFirst().orElseThrow();
        assertThat(cord19.resource().modalities().ct().name()).isEqualTo("N");
        assertThat(cord19.resource().caseReview().name()).isEqualTo("U");
    }
}
