package org.imagingcatalog.curation.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.review.DuplicateFinder.Duplicate;
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

    @Test
    void aDuplicateSaysWhetherItWasFoundByNameAndHowAlikeTheNamesAre() {
        DuplicateFinder finder = new DuplicateFinder(null, 0.85);
        List<ResourceHead> heads = List.of(head("same-url", "Something else", "https://data.example.org/chest"),
                head("same-name", "Chest X-ray Collection", "https://other.example.org/x"),
                head("unrelated", "LIDC-IDRI lung nodules", "https://lidc.example.org/"));

        List<Duplicate> found = finder.likelyDuplicates(null, "Chest x-ray collection!", "http://www.data.example.org/chest/",
                heads);

        assertThat(found).extracting(Duplicate::resourceId, Duplicate::byName, Duplicate::nameSimilarity, Duplicate::why)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("same-url", false, null, "same URL"),
                        org.assertj.core.groups.Tuple.tuple("same-name", true, 100, "similar name (100% alike)"));
        assertThat(finder.likelyDuplicates("same-name", "Chest x-ray collection", null, heads)).as("its own entry")
                .isEmpty();
    }

    private static ResourceHead head(String id, String name, String url) {
        ResourceHead head = new ResourceHead();
        head.id = id;
        head.name = name;
        head.url = url;
        return head;
    }
}
