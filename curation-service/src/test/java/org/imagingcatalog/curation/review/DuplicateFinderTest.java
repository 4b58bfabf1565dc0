package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    @Test
    void urlsAreComparedWithoutSchemeWwwCaseQueryFragmentOrTrailingSlash() {
        String plain = DuplicateFinder.normaliseUrl("https://data.example.org/chest");
        assertThat(plain).isEqualTo("data.example.org/chest");
        assertThat(DuplicateFinder.normaliseUrl("http://www.DATA.Example.org/chest/?utm=1#top")).isEqualTo(plain);
        assertThat(DuplicateFinder.normaliseUrl("data.example.org/chest//")).isEqualTo(plain);
        assertThat(DuplicateFinder.normaliseUrl("https://data.example.org/other")).isNotEqualTo(plain);
        assertThat(DuplicateFinder.normaliseUrl(null)).isEmpty();
    }

    @Test
    void namesAreSimilarByEditDistanceOrSharedWords() {
        String a = DuplicateFinder.normaliseName("COVID-19 Image Data Collection");
        assertThat(a).isEqualTo("covid 19 image data collection");
        assertThat(DuplicateFinder.nameSimilarity(a, DuplicateFinder.normaliseName("Covid 19 image-data collection!")))
                .isEqualTo(1.0);
        assertThat(DuplicateFinder.nameSimilarity(a, DuplicateFinder.normaliseName("COVID-19 Image Data Colection")))
                .isGreaterThan(0.9);
        assertThat(DuplicateFinder.nameSimilarity(a, DuplicateFinder.normaliseName("Data Collection Image COVID 19")))
                .isEqualTo(1.0);
        assertThat(DuplicateFinder.nameSimilarity(a, DuplicateFinder.normaliseName("LIDC-IDRI lung nodules")))
                .isLessThan(0.5);
        assertThat(DuplicateFinder.nameSimilarity(a, "")).isZero();
        assertThat(DuplicateFinder.levenshtein("kitten", "sitting")).isEqualTo(3);
    }
}
