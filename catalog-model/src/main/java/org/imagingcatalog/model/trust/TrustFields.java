package org.imagingcatalog.model.trust;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.imagingcatalog.model.Resource;

/**
 * The facts that let a reader judge a resource: its lineage ({@code relations}), {@code identifiers}, how
 * its labels were set, whose and what images it holds, its risk of bias, and where each was verified.
 * Every part is optional: missing means not stated.
 */
public record TrustFields(List<Relation> relations, List<Identifier> identifiers, ReferenceStandard referenceStandard,
        Population population, ImageSource imageSource, RiskOfBias riskOfBias, Map<String, Provenance> provenance) {

    public TrustFields {
        relations = relations == null ? List.of() : List.copyOf(relations);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        referenceStandard = referenceStandard == null ? ReferenceStandard.UNKNOWN : referenceStandard;
        population = population == null ? Population.UNKNOWN : population;
        imageSource = imageSource == null ? ImageSource.UNKNOWN : imageSource;
        riskOfBias = riskOfBias == null ? RiskOfBias.unassessed() : riskOfBias;
        provenance = sorted(provenance);
    }

    public static TrustFields none() {
        return new TrustFields(null, null, null, null, null, null, null);
    }

    public static TrustFields of(Resource r) {
        return new TrustFields(r.relations(), r.identifiers(), r.referenceStandard(), r.population(), r.imageSource(),
                r.riskOfBias(), r.provenance());
    }

    /** A copy of a field-path map, ordered by path so its JSON is always written alike. */
    private static SortedMap<String, Provenance> sorted(Map<String, Provenance> provenance) {
        return Collections.unmodifiableSortedMap(provenance == null ? new TreeMap<>() : new TreeMap<>(provenance));
    }

    /** Whether these state no trust fact at all, as for an entry from before the trust fields. */
    public boolean isEmpty() {
        return equals(none());
    }

    /**
     * These fields, with each one that states nothing (and each unassessed risk-of-bias domain) taken from
     * {@code other}, and {@code other}'s provenance for every field whose value is now the same as its own
     * (also "not stated", which a source may have verified): the facts of a second source fill gaps and
     * never overwrite.
     */
    public TrustFields withGapsFilledFrom(TrustFields other) {
        Map<String, Provenance> mergedProvenance = new TreeMap<>(provenance);
        List<String> agreed = new ArrayList<>();
        List<Relation> mergedRelations = fill("relations", relations, other.relations, agreed);
        List<Identifier> mergedIdentifiers = fill("identifiers", identifiers, other.identifiers, agreed);
        ReferenceStandard mergedStandard = fill("referenceStandard", referenceStandard, other.referenceStandard, agreed);
        Population mergedPopulation = fill("population", population, other.population, agreed);
        ImageSource mergedSource = fill("imageSource", imageSource, other.imageSource, agreed);
        RiskOfBias mergedRob = riskOfBias;
        for (RiskDomain domain : RiskDomain.values()) {
            mergedRob = mergedRob.with(domain, fill("riskOfBias." + domain.key(), riskOfBias.get(domain),
                    other.riskOfBias.get(domain), agreed));
        }
        other.provenance.forEach((path, p) -> {
            if (agreed.stream().anyMatch(field -> isWithin(path, field))) {
                mergedProvenance.putIfAbsent(path, p);
            }
        });
        return new TrustFields(mergedRelations, mergedIdentifiers, mergedStandard, mergedPopulation, mergedSource,
                mergedRob, mergedProvenance);
    }

    /** This value where it states something, else the other's; notes the field where the result is the other's. */
    private static <T> T fill(String field, T mine, T theirs, List<String> agreed) {
        T result = saysNothing(mine) ? theirs : mine;
        if (Objects.equals(result, theirs)) {
            agreed.add(field);
        }
        return result;
    }

    private static boolean saysNothing(Object value) {
        return NotStated.statesNothing(value) || (value instanceof List<?> list && list.isEmpty());
    }

    private static boolean isWithin(String path, String field) {
        return path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[");
    }
}
