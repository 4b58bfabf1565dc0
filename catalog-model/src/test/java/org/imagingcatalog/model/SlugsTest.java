package org.imagingcatalog.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void derivesValidSlugsFromNames() {
        assertThat(Slugs.fromName("COVID-19 Image Data Collection")).isEqualTo("covid-19-image-data-collection");
        assertThat(Slugs.fromName("Société Italiana — Radiologia")).isEqualTo("societe-italiana-radiologia");
        assertThat(Slugs.fromName("X")).isEqualTo("x-resource");
        assertThat(Slugs.isValid(Slugs.fromName("word ".repeat(40)))).isTrue();
        assertThat(Slugs.isValid(Slugs.fromName("!!!"))).isTrue();
    }

    @Test
    void longNamesAreCutAtAWordBoundary() {
        String slug = Slugs.fromName("alpha ".repeat(20));
        assertThat(slug).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-").endsWith("alpha");
        assertThat(Slugs.isValid(slug)).isTrue();
    }

    @Test
    void theRuleAndThePatternAgree() {
        assertThat(Slugs.isValid("covid-ct")).isTrue();
        assertThat(Slugs.isValid("a".repeat(81))).isFalse();
        assertThat(Slugs.isValid(null)).isFalse();
        assertThat(Slugs.fromName("  Ünïcödé  Name!! ")).isEqualTo("unicode-name");
    }
}
