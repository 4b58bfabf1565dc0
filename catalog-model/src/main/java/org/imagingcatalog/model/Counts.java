package org.imagingcatalog.model;

/** How much a resource holds, where known. */
public record Counts(Long patients, Long images, Long studies) {

    public static Counts none() {
        return new Counts(null, null, null);
    }
}
