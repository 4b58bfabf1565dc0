package org.imagingcatalog.model.trust;

/**
 * Jackson's value filter for the trust fields of a resource: a field that states nothing (UNKNOWN,
 * unassessed) is left out of the JSON, so an entry without trust facts is written exactly as before
 * they existed, and a consumer reads a missing field as "not stated" again.
 */
public final class NotStated {

    /** Whether the value of a trust field says nothing: {@code null}, UNKNOWN or unassessed. */
    public static boolean statesNothing(Object value) {
        return value == null || value == ReferenceStandard.UNKNOWN || value == Population.UNKNOWN
                || value == ImageSource.UNKNOWN || (value instanceof RiskOfBias rob && rob.isUnassessed());
    }

    /** Jackson leaves a value out where this is true. */
    @Override
    public boolean equals(Object value) {
        return statesNothing(value);
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
