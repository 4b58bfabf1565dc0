package org.imagingcatalog.model.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Availability;
import org.imagingcatalog.model.Counts;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;

/**
 * What a resource says against itself: counts that cannot all be true, and a modality its description names while
 * its flag says the resource has none. Hints for a curator, never a refusal: a description may name CT to say it
 * holds none ("no CT scans"), which only a person can tell.
 */
public final class Consistency {

    public static final String COUNTS_CONTRADICT = "COUNTS_CONTRADICT";
    public static final String FLAG_CONTRADICTS_DESCRIPTION = "FLAG_CONTRADICTS_DESCRIPTION";

    /** One finding: its code, the field it concerns ({@code counts.patients}, {@code modalities.ct}) and what it says. */
    public record Finding(String code, String field, String message) {
    }

    /**
     * How a description names each modality: abbreviations in capitals as written (so "us" or "mr" in a sentence
     * are no mention), words in any case. The same spellings the catalog's search folds.
     */
    private static final Map<Modality, Pattern> MENTIONS = Map.of(
            Modality.CT, Pattern.compile("\\bCT\\b|(?i:\\bcomputed tomography\\b)"),
            Modality.XRAY, Pattern.compile("\\bCXR\\b|(?i:\\bx-?\\s?rays?\\b|\\bradiographs?\\b|\\bradiography\\b)"),
            Modality.MRI, Pattern.compile("\\bMRI\\b|(?i:\\bmagnetic resonance\\b)"),
            Modality.ULTRASOUND, Pattern.compile("\\bPOCUS\\b|\\bLUS\\b|(?i:\\bultrasound\\b|\\bsonograph(?:y|ic|s)?\\b)"));

    private Consistency() {
    }

    public static List<Finding> of(Resource resource) {
        List<Finding> findings = new ArrayList<>();
        counts(resource.counts(), findings);
        String description = resource.description();
        if (description != null) {
            for (Modality modality : Modality.values()) {
                Matcher mention = MENTIONS.get(modality).matcher(description);
                if (resource.modalities().get(modality) == Availability.N && mention.find()) {
                    findings.add(new Finding(FLAG_CONTRADICTS_DESCRIPTION, "modalities." + modality.key(),
                            "The description mentions " + modality.label() + " (\"" + mention.group() + "\"), but the "
                                    + modality.label() + " flag says N: is that a statement that it has none?"));
                }
            }
        }
        return findings;
    }

    /** Every patient has at least one study, every study at least one image. */
    private static void counts(Counts counts, List<Finding> findings) {
        exceeds(counts.patients(), "patients", counts.images(), "images", "every patient has at least one image", findings);
        exceeds(counts.studies(), "studies", counts.images(), "images", "every study has at least one image", findings);
        exceeds(counts.patients(), "patients", counts.studies(), "studies", "every patient has at least one study",
                findings);
    }

    private static void exceeds(Long more, String moreName, Long fewer, String fewerName, String because,
            List<Finding> findings) {
        if (more != null && fewer != null && more > fewer) {
            findings.add(new Finding(COUNTS_CONTRADICT, "counts." + moreName, String.format(Locale.ROOT,
                    "It states more %s (%,d) than %s (%,d), but %s.", moreName, more, fewerName, fewer, because)));
        }
    }
}
