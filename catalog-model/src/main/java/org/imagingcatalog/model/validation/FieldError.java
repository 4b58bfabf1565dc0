package org.imagingcatalog.model.validation;

/** One bad field, named by its JSON path (for example {@code modalities.ct} or {@code tags[2]}). */
public record FieldError(String field, String message) {

    public FieldError prefixed(String prefix) {
        return new FieldError(prefix + "." + field, message);
    }
}
