package org.imagingcatalog.model.diff;

/** One field whose value differs between two versions of a resource. */
public record FieldChange(String field, Object before, Object after) {
}
