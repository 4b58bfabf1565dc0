package org.imagingcatalog.submission.support;

import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.Validated;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Resources with every trust field stated, as the contract's JSON spells them. */
public final class Trusted {

    public static final String KAGGLE_CONTROLS = "https://www.kaggle.com/c/rsna-pneumonia-detection-challenge";
    public static final String CITED_DOI = "10.1148/radiol.2020200642";
    public static final String PROVENANCE_SOURCE = "https://example.org/paper-counts";

    private Trusted() {
    }

    /**
     * The trust fields of a "Frankenstein" dataset as JSON members (without the braces): COVID-19 positives from
     * {@code source} (a catalog id), controls from a Kaggle competition, a cited paper, two identifiers, mixed
     * population, labels from captions, two risk-of-bias domains and the provenance of the patient count.
     */
    public static String trustMembers(String source) {
        return """
                "relations": [
                  {"type": "IsDerivedFrom", "target": "%s", "note": "COVID-19 positives"},
                  {"type": "IsPartOf", "target": "%s", "note": "controls"},
                  {"type": "Cites", "target": "%s"}],
                "identifiers": [{"scheme": "doi", "value": "10.7937/91ah-v663"},
                                {"scheme": "github", "value": "ieee8023/covid-chestxray-dataset"}],
                "referenceStandard": "REPORT_DERIVED", "population": "MIXED", "imageSource": "FROM_PUBLICATIONS",
                "riskOfBias": {"participants": {"risk": "HIGH", "reason": "paediatric pneumonia images as controls"},
                               "images": {"risk": "HIGH", "reason": "images copied from publications"}},
                "provenance": {"counts.patients": {"source": "%s", "verifiedOn": "2026-01-15", "verifiedBy": "curator"}}
                """.formatted(source, KAGGLE_CONTROLS, CITED_DOI, PROVENANCE_SOURCE);
    }

    /** A published-looking resource with every trust field ({@link #trustMembers}). */
    public static Resource resource(String id, String name, String source) {
        String json = """
                {"id": "%s", "name": "%s", "url": "https://example.org/%s", "description": "Chest radiographs.",
                 "provider": "Example Lab", "modalities": {"ct": "N", "xray": "Y", "mri": "N", "ultrasound": "N"},
                 "license": "CC-BY-4.0", "access": "OPEN", "formats": ["PNG"], "counts": {"patients": 10},
                 %s}
                """.formatted(id, name, id, trustMembers(source));
        try {
            Validated<Resource> read = ResourceReader.fromJson(EventJson.mapper().readTree(json));
            if (!read.isValid()) {
                throw new IllegalStateException(read.errors().toString());
            }
            return read.value();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
