package org.imagingcatalog.publicweb.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberedPlaceholdersTest {

    @Test
    void everyPlaceholderGetsItsOrdinalInOrder() {
        assertThat(CatalogRepository.numbered("a = ? AND b @@ f('simple', ?) AND c = ?"))
                .isEqualTo("a = ?1 AND b @@ f('simple', ?2) AND c = ?3");
    }

    @Test
    void sqlWithoutPlaceholdersIsUnchanged() {
        assertThat(CatalogRepository.numbered("SELECT count(*) FROM entry")).isEqualTo("SELECT count(*) FROM entry");
    }
}
