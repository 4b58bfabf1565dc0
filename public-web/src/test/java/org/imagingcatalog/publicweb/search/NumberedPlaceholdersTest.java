package org.imagingcatalog.publicweb.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberedPlaceholdersTest {

    @Test
    void everyPlaceholderGetsItsOrdinalInOrder() {
        assertThat(SearchRepository.numbered("a = ? AND b @@ f('simple', ?) AND c = ?"))
                .isEqualTo("a = ?1 AND b @@ f('simple', ?2) AND c = ?3");
    }

    @Test
    void sqlWithoutPlaceholdersIsUnchanged() {
        assertThat(SearchRepository.numbered("SELECT count(*) FROM entry")).isEqualTo("SELECT count(*) FROM entry");
    }
}
