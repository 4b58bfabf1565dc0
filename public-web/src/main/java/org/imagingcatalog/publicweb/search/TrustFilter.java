package org.imagingcatalog.publicweb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.imagingcatalog.model.trust.ImageSource;
import org.imagingcatalog.model.trust.Population;
import org.imagingcatalog.model.trust.ReferenceStandard;

/**
 * The trust filters of a catalog query: an entry's label source ({@code referenceStandard}), {@code population} and
 * {@code imageSource} (each one value of its vocabulary, UNKNOWN asking for the entries that do not state it), and
 * the readers' own phrasings as checkboxes:
 * <ul>
 * <li>{@code excludePaediatric=true}, "exclude datasets with paediatric controls": leaves out every entry whose
 * population is PAEDIATRIC or MIXED (children's images, as controls or otherwise), and every entry whose participants
 * are judged at HIGH risk of bias, which is how the catalog records children's images used as controls for adult
 * cases when the population itself is not stated. Deliberately wide: a reader who ticks it wants none of them;
 * an entry that states nothing stays in;</li>
 * <li>{@code rtPcrOnly=true}, "only RT-PCR-confirmed labels": reference standard RT_PCR;</li>
 * <li>{@code hospitalImagesOnly=true}, "original hospital images only": image source HOSPITAL_DICOM.</li>
 * </ul>
 * They narrow each other and the other filters.
 */
public record TrustFilter(ReferenceStandard referenceStandard, Population population, ImageSource imageSource,
        boolean excludePaediatric, boolean rtPcrOnly, boolean hospitalImagesOnly) {

    public static final TrustFilter NONE = new TrustFilter(null, null, null, false, false, false);

    /** The query parameters, in the order the documentation lists them. */
    public static final List<String> PARAMETERS = List.of("referenceStandard", "population", "imageSource",
            "excludePaediatric", "rtPcrOnly", "hospitalImagesOnly");

    public boolean any() {
        return !equals(NONE);
    }

    static TrustFilter parse(Map<String, List<String>> params) {
        return new TrustFilter(
                vocabulary(params, "referenceStandard", ReferenceStandard::parse),
                vocabulary(params, "population", Population::parse),
                vocabulary(params, "imageSource", ImageSource::parse),
                CatalogQuery.yes(params, "excludePaediatric"),
                CatalogQuery.yes(params, "rtPcrOnly"),
                CatalogQuery.yes(params, "hospitalImagesOnly"));
    }

    /** name=value pairs of the set filters, values not yet URL-encoded. */
    void addTo(List<String[]> parts) {
        add(parts, "referenceStandard", referenceStandard == null ? null : referenceStandard.name());
        add(parts, "population", population == null ? null : population.name());
        add(parts, "imageSource", imageSource == null ? null : imageSource.name());
        add(parts, "excludePaediatric", excludePaediatric ? "true" : null);
        add(parts, "rtPcrOnly", rtPcrOnly ? "true" : null);
        add(parts, "hospitalImagesOnly", hospitalImagesOnly ? "true" : null);
    }

    /** SQL conditions on the read model's columns of V5 (fixed text) with their bind parameters. */
    void where(List<String> clauses, List<Object> params) {
        if (referenceStandard != null) {
            clauses.add("e.reference_standard = ?");
            params.add(referenceStandard.name());
        }
        if (population != null) {
            clauses.add("e.population = ?");
            params.add(population.name());
        }
        if (imageSource != null) {
            clauses.add("e.image_source = ?");
            params.add(imageSource.name());
        }
        if (excludePaediatric) {
            clauses.add("e.population NOT IN ('PAEDIATRIC', 'MIXED') AND e.participants_risk IS DISTINCT FROM 'HIGH'");
        }
        if (rtPcrOnly) {
            clauses.add("e.reference_standard = 'RT_PCR'");
        }
        if (hospitalImagesOnly) {
            clauses.add("e.image_source = 'HOSPITAL_DICOM'");
        }
    }

    private static void add(List<String[]> parts, String name, String value) {
        if (value != null) {
            parts.add(new String[] {name, value});
        }
    }

    private interface Parser<T> {
        T parse(String raw);
    }

    /** One value of a closed vocabulary, any case ("rt-pcr" is RT_PCR); blank is no filter. */
    private static <T> T vocabulary(Map<String, List<String>> params, String name, Parser<T> parser) {
        String raw = CatalogQuery.first(params, name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        CatalogQuery.requireNoControl(name, raw);
        try {
            return parser.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadQueryException(name, e.getMessage());
        }
    }

    static List<String[]> pairs(TrustFilter filter) {
        List<String[]> parts = new ArrayList<>();
        filter.addTo(parts);
        return parts;
    }
}
