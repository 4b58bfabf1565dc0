package org.imagingcatalog.model.lineage;

import org.imagingcatalog.model.trust.RelationType;

/**
 * Which relations are lineage, and which way they point. The contract: IsDerivedFrom and IsPartOf point
 * from the derivative or part to its source; IsSourceOf and HasPart state the same edge from the source's
 * side; IsIdenticalTo joins both ways. Other relations (cites, documents, ...) share no images.
 */
final class LineageTypes {

    private LineageTypes() {
    }

    static boolean isLineage(RelationType type) {
        return type != null && switch (type) {
            case IS_DERIVED_FROM, IS_PART_OF, IS_SOURCE_OF, HAS_PART, IS_IDENTICAL_TO -> true;
            default -> false;
        };
    }

    /** Whether the entry stating {@code type} is the derivative or part (or one of two identical entries). */
    static boolean pointsToSource(RelationType type) {
        return type != RelationType.IS_SOURCE_OF && type != RelationType.HAS_PART;
    }

    /** The type as the derivative states it: IsDerivedFrom for IsSourceOf, IsPartOf for HasPart. */
    static RelationType towardsSource(RelationType type) {
        return switch (type) {
            case IS_SOURCE_OF -> RelationType.IS_DERIVED_FROM;
            case HAS_PART -> RelationType.IS_PART_OF;
            default -> type;
        };
    }

    /** The type as the source states it, for a path read from a source down to its derivative. */
    static RelationType towardsDerivative(RelationType type) {
        return switch (type) {
            case IS_DERIVED_FROM -> RelationType.IS_SOURCE_OF;
            case IS_PART_OF -> RelationType.HAS_PART;
            default -> type;
        };
    }
}
