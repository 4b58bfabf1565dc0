package org.imagingcatalog.model.seed;

/**
 * A fact of the seed's trust file that the model refuses and the seed therefore leaves out: which entry,
 * which field ({@code identifiers[0]}), the value as the file states it, and the rule it breaks.
 */
public record RefusedSeedFact(String resourceId, String field, String value, String reason) {
}
