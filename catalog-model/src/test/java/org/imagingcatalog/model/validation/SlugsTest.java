package org.imagingcatalog.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.imagingcatalog.model.Slugs;
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
}
