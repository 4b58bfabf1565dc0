package org.imagingcatalog.submission.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.validation.TrustForm;

/**
 * The trust part of the resource form in plain words: what each choice of reference standard, population and
 * image source means, the four risk-of-bias domains in one line each, the identifier registries and the
 * relation types ("This dataset takes images from ...").
 */
public final class TrustChoices {

    /** One answer: the value the form posts, its short name and what it means. */
    public record Choice(String value, String label, String meaning) {
    }

    /** One risk-of-bias domain with its form field names, its error keys (the model's paths) and its input ids. */
    public record Domain(String key, String label, String explanation) {

        /** The form field of the judgement, e.g. {@code rob.participants}. */
        public String riskName() {
            return TrustForm.risk(domain());
        }

        /** The form field of the reason, e.g. {@code rob.participants.reason}. */
        public String reasonName() {
            return TrustForm.reason(domain());
        }

        /** The model's path of the judgement, which errors name: {@code riskOfBias.participants.risk}. */
        public String riskKey() {
            return "riskOfBias." + key + ".risk";
        }

        public String reasonKey() {
            return "riskOfBias." + key + ".reason";
        }

        public String id() {
            return "riskOfBias-" + key;
        }

        private RiskDomain domain() {
            return Arrays.stream(RiskDomain.values()).filter(d -> d.key().equals(key)).findFirst().orElseThrow();
        }
    }

    /** The choice to which "not stated" belongs, shown first and chosen when nothing else is. */
    static final String UNKNOWN_LABEL = "Unknown / not stated";

    private static final List<Choice> REFERENCE_STANDARDS = List.of(
            choice(ReferenceStandard.UNKNOWN, UNKNOWN_LABEL, "no source says how the labels were set"),
            choice(ReferenceStandard.RT_PCR, "RT-PCR", "labels confirmed by a laboratory test (RT-PCR)"),
            choice(ReferenceStandard.CLINICAL, "Clinical diagnosis",
                    "labels from the doctors' diagnosis of each patient (symptoms, tests, follow-up)"),
            choice(ReferenceStandard.RADIOLOGIST, "Radiologists", "labels from radiologists reading the images"),
            choice(ReferenceStandard.REPORT_DERIVED, "From reports or captions",
                    "labels read from radiology reports, papers or figure captions"),
            choice(ReferenceStandard.MIXED, "Mixed", "the labels were set in different ways for different parts"));

    private static final List<Choice> POPULATIONS = List.of(
            choice(Population.UNKNOWN, UNKNOWN_LABEL, "no source says whose images these are"),
            choice(Population.ADULT, "Adults", "adults only"),
            choice(Population.PAEDIATRIC, "Paediatric", "children only"),
            choice(Population.MIXED, "Mixed", "both adults and children"));

    private static final List<Choice> IMAGE_SOURCES = List.of(
            choice(ImageSource.UNKNOWN, UNKNOWN_LABEL, "no source says where the images come from"),
            choice(ImageSource.HOSPITAL_DICOM, "Hospital DICOM", "original images from hospital systems, as DICOM files"),
            choice(ImageSource.CONVERTED_FROM_DICOM, "Converted from DICOM",
                    "hospital images converted to PNG, JPEG or the like (some detail may be lost)"),
            choice(ImageSource.FROM_PUBLICATIONS, "From publications", "images copied from papers or web pages"),
            choice(ImageSource.MIXED, "Mixed", "the images come from different kinds of source"));

    private static final List<Choice> RISKS = List.of(
            new Choice("", "Not assessed", "no stated fact settles it"),
            new Choice(Risk.LOW.name(), "Low", ""),
            new Choice(Risk.HIGH.name(), "High", ""),
            new Choice(Risk.UNCLEAR.name(), "Unclear", ""));

    private static final List<Domain> DOMAINS = List.of(
            new Domain(RiskDomain.PARTICIPANTS.key(), "Participants",
                    "Are the people in the data those a model is meant for? (For example: no children's pneumonia"
                            + " images as controls for adult COVID-19 cases.)"),
            new Domain(RiskDomain.REFERENCE_STANDARD.key(), "Reference standard",
                    "Can the labels be trusted? (For example: a laboratory test, not captions of unknown origin.)"),
            new Domain(RiskDomain.IMAGES.key(), "Images",
                    "Are the images as they were taken? (For example: not copied from papers, no text or markers"
                            + " burnt in.)"),
            new Domain(RiskDomain.COMPOSITION.key(), "Composition",
                    "Is the dataset free of overlap and mixing? (For example: no images also found in another"
                            + " dataset, no classes drawn from different sources.)"));

    private static final Map<IdentifierScheme, String> SCHEME_NAMES = Map.of(
            IdentifierScheme.DOI, "DOI",
            IdentifierScheme.TCIA, "TCIA collection",
            IdentifierScheme.ZENODO, "Zenodo record",
            IdentifierScheme.KAGGLE, "Kaggle dataset or competition",
            IdentifierScheme.GITHUB, "GitHub repository",
            IdentifierScheme.HUGGINGFACE, "Hugging Face repository",
            IdentifierScheme.PHYSIONET, "PhysioNet project",
            IdentifierScheme.ARXIV, "arXiv paper",
            IdentifierScheme.PMID, "PubMed id (PMID)",
            IdentifierScheme.URL, "Other web address");

    private static final List<Choice> SCHEMES = Arrays.stream(IdentifierScheme.values())
            .map(s -> new Choice(s.key(), SCHEME_NAMES.get(s), s.rule()))
            .toList();

    /** The lineage types in plain words, as the rest of "This dataset ... [the other one]". */
    private static final List<Choice> LINEAGE_TYPES = List.of(
            new Choice(RelationType.IS_DERIVED_FROM.dataCite(), "takes images from", "IsDerivedFrom"),
            new Choice(RelationType.IS_PART_OF.dataCite(), "is part of", "IsPartOf"),
            new Choice(RelationType.IS_IDENTICAL_TO.dataCite(), "is the same as", "IsIdenticalTo"),
            new Choice(RelationType.IS_SOURCE_OF.dataCite(), "gives images to", "IsSourceOf"),
            new Choice(RelationType.HAS_PART.dataCite(), "contains the whole of", "HasPart"));

    private static final Set<String> LINEAGE_VALUES = Set.copyOf(LINEAGE_TYPES.stream().map(Choice::value).toList());

    /** Every other DataCite relation type, in DataCite's spelling. */
    private static final List<Choice> OTHER_TYPES = Arrays.stream(RelationType.values())
            .filter(t -> !LINEAGE_VALUES.contains(t.dataCite()))
            .map(t -> new Choice(t.dataCite(), t.dataCite(), "DataCite relation type " + t.dataCite()))
            .toList();

    static final TrustChoices INSTANCE = new TrustChoices();

    private TrustChoices() {
    }

    public List<Choice> referenceStandards() {
        return REFERENCE_STANDARDS;
    }

    public List<Choice> populations() {
        return POPULATIONS;
    }

    public List<Choice> imageSources() {
        return IMAGE_SOURCES;
    }

    public List<Choice> risks() {
        return RISKS;
    }

    public List<Domain> domains() {
        return DOMAINS;
    }

    public List<Choice> schemes() {
        return SCHEMES;
    }

    public List<Choice> lineageTypes() {
        return LINEAGE_TYPES;
    }

    public List<Choice> otherTypes() {
        return OTHER_TYPES;
    }

    /** A relation type in plain words where it has them ("takes images from"), else DataCite's name. */
    static String relationWords(String dataCite) {
        return LINEAGE_TYPES.stream().filter(c -> c.value().equals(dataCite)).map(Choice::label).findFirst()
                .orElse(dataCite);
    }

    /** What a value of a trust vocabulary means, "RT-PCR: labels confirmed by ...", or the value itself. */
    static String meaning(String field, String value) {
        try {
            // read as the model reads it: a patch is kept as sent, in any case ("paediatric")
            String name = switch (field) {
                case "referenceStandard" -> ReferenceStandard.parse(value).name();
                case "population" -> Population.parse(value).name();
                case "imageSource" -> ImageSource.parse(value).name();
                default -> value;
            };
            return choicesOf(field).stream().filter(c -> c.value().equals(name)).map(c -> c.label() + ": " + c.meaning())
                    .findFirst().orElse(value);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static List<Choice> choicesOf(String field) {
        return switch (field) {
            case "referenceStandard" -> REFERENCE_STANDARDS;
            case "population" -> POPULATIONS;
            case "imageSource" -> IMAGE_SOURCES;
            default -> List.of();
        };
    }

    private static Choice choice(Enum<?> value, String label, String meaning) {
        return new Choice(value.name(), label, meaning);
    }
}
