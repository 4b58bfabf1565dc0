package org.imagingcatalog.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;
import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.Provenance;
import org.imagingcatalog.model.trust.ReferenceStandard;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RelationType;
import org.imagingcatalog.model.trust.Risk;
import org.imagingcatalog.model.trust.RiskJudgement;
import org.imagingcatalog.model.trust.RiskOfBias;
import org.imagingcatalog.model.trust.TrustFields;

/** Resources for tests: a bare one by id and address, and one with every trust field set. */
public final class TrustSamples {

    private TrustSamples() {
    }

    public static Resource bare(String id, String url) {
        return new Resource(id, "Resource " + id, url, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public static Resource withRelations(String id, String url, Relation... relations) {
        return bare(id, url).withTrust(new TrustFields(List.of(relations), null, null, null, null, null, null));
    }

    public static Resource withIdentifiers(String id, String url, Identifier... identifiers) {
        return bare(id, url).withTrust(new TrustFields(null, List.of(identifiers), null, null, null, null, null));
    }

    public static Relation derivedFrom(String target) {
        return new Relation(RelationType.IS_DERIVED_FROM, target, null);
    }

    public static Relation relation(RelationType type, String target) {
        return new Relation(type, target, null);
    }

    public static TrustFields everyTrustField() {
        return new TrustFields(
                List.of(new Relation(RelationType.IS_DERIVED_FROM, "covid-chestxray-dataset", "COVID-19 positives"),
                        new Relation(RelationType.IS_DERIVED_FROM,
                                "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge", "controls")),
                List.of(new Identifier(IdentifierScheme.DOI, "10.7937/91ah-v663"),
                        new Identifier(IdentifierScheme.GITHUB, "lindawangg/COVID-Net")),
                ReferenceStandard.RT_PCR, Population.ADULT, ImageSource.HOSPITAL_DICOM,
                new RiskOfBias(new RiskJudgement(Risk.HIGH, "paediatric pneumonia images as controls"),
                        new RiskJudgement(Risk.UNCLEAR, "labels from figure captions"),
                        new RiskJudgement(Risk.HIGH, "images copied from publications"),
                        new RiskJudgement(Risk.HIGH, "combines sources that share patients")),
                Map.of("counts.patients", new Provenance("https://example.org/paper", LocalDate.parse("2026-12-01"), "curator"),
                        "relations[0]", new Provenance("https://example.org/readme", LocalDate.parse("2026-12-02"), null)));
    }

    public static Resource trusted() {
        return new Resource("covidx-cxr", "COVIDx CXR", "https://github.com/lindawangg/COVID-Net", null, null, null,
                null, null, null, null, null, new Counts(16_000L, 30_000L, null), null, null, null, null)
                .withTrust(everyTrustField());
    }
}
