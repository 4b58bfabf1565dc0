package org.imagingcatalog.curation.support;

import static org.imagingcatalog.curation.support.CurationApi.asCurator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trust fields as the API takes them (the contract's JSON), for tests. */
public final class Trust {

    private Trust() {
    }

    /** A full set of trust fields: lineage, an identifier (a DOI as a link), label source, population, risk, provenance. */
    public static Map<String, Object> fields(String doi) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("relations", List.of(Map.of("type", "IsDerivedFrom", "target", "covid-chestxray-dataset",
                "note", "COVID-19 positives")));
        body.put("identifiers", List.of(Map.of("scheme", "doi", "value", "https://doi.org/" + doi)));
        body.put("referenceStandard", "RT_PCR");
        body.put("population", "ADULT");
        body.put("imageSource", "HOSPITAL_DICOM");
        body.put("riskOfBias", Map.of("participants", Map.of("risk", "HIGH", "reason", "paediatric controls"),
                "images", Map.of("risk", "LOW", "reason", "DICOM from the hospital PACS")));
        body.put("provenance", Map.of("counts.patients", Map.of("source", "https://example.org/paper",
                "verifiedOn", "2026-12-01", "verifiedBy", "curator"),
                "referenceStandard", Map.of("source", "https://example.org/methods", "verifiedOn", "2026-12-02")));
        return body;
    }

    /** Gives an existing resource at {@code version} the trust fields of {@link #fields} through PUT: the next version. */
    public static void put(String id, int version, String doi) {
        Map<String, Object> body = new LinkedHashMap<>(fields(doi));
        body.put("reason", "trust fields from the paper");
        asCurator().header("If-Match", "\"" + version + "\"").body(body).put("/api/v1/resources/{id}", id)
                .then().statusCode(200);
    }
}
