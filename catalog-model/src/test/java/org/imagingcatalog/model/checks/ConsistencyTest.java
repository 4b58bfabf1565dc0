package org.imagingcatalog.model.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.imagingcatalog.model.Access;
import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modalities;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.checks.Consistency.Finding;
import org.junit.jupiter.api.Test;

class ConsistencyTest {

    private static Resource resource(String description, Modalities modalities, Counts counts) {
        return new Resource("r", "R", "https://example.org/r", description, "Lab", modalities, Availability.U,
                Availability.U, "CC-BY-4.0", Access.OPEN, List.of(), counts, List.of(), List.of(), null, null);
    }

    private static Modalities flags(Availability ct, Availability xray, Availability mri, Availability ultrasound) {
        return new Modalities(ct, xray, mri, ultrasound);
    }

    @Test
    void countsThatCannotAllBeTrueAreNamed() {
        List<Finding> findings = Consistency.of(resource(null, flags(Availability.U, Availability.U, Availability.U,
                Availability.U), new Counts(220L, 100L, 300L)));
        assertThat(findings).extracting(Finding::field).containsExactly("counts.patients", "counts.studies");
        assertThat(findings.get(0).message()).isEqualTo(
                "It states more patients (220) than images (100), but every patient has at least one image.");
        assertThat(Consistency.of(resource(null, flags(Availability.U, Availability.U, Availability.U, Availability.U),
                new Counts(100L, 1000L, null)))).isEmpty();
        assertThat(Consistency.of(resource(null, flags(Availability.U, Availability.U, Availability.U, Availability.U),
                new Counts(5_000L, null, 10L)))).extracting(Finding::message)
                .containsExactly("It states more patients (5,000) than studies (10), but every patient has at least one study.");
    }

    @Test
    void aModalityTheDescriptionNamesAndTheFlagDeniesIsAHint() {
        Resource r = resource("Chest CT scans and radiographs of 200 patients; lung ultrasound (LUS) clips.",
                flags(Availability.N, Availability.N, Availability.N, Availability.Y), Counts.none());
        assertThat(Consistency.of(r)).extracting(Finding::field).containsExactly("modalities.ct", "modalities.xray");
        assertThat(Consistency.of(r).get(0).message()).startsWith("The description mentions CT (\"CT\"), but the CT flag says N");
    }

    @Test
    void unknownFlagsAndWordsThatOnlyLookLikeAModalityAreNoFinding() {
        // "us", "mr" and "ct" in running text are no mention; U is not a denial
        Resource r = resource("Collected by us with Mr Smith, in the district of Connecticut (ct).",
                flags(Availability.N, Availability.N, Availability.N, Availability.N), Counts.none());
        assertThat(Consistency.of(r)).isEmpty();
        Resource unknown = resource("Chest X-ray and MRI.", flags(Availability.U, Availability.U, Availability.U,
                Availability.U), Counts.none());
        assertThat(Consistency.of(unknown)).isEmpty();
        Resource xray = resource("Frontal chest x rays.", flags(Availability.U, Availability.N, Availability.U,
                Availability.U), Counts.none());
        assertThat(Consistency.of(xray)).extracting(Finding::field).containsExactly("modalities.xray");
    }
}
