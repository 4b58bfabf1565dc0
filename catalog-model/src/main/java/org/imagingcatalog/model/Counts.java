package org.imagingcatalog.model;

import jakarta.validation.constraints.PositiveOrZero;

/** How much a resource holds, where known. */
public record Counts(@PositiveOrZero Long patients, @PositiveOrZero Long images, @PositiveOrZero Long studies) {

    public static Counts none() {
        return new Counts(null, null, null);
    }
}
