package org.imagingcatalog.model.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A value read from untrusted input, with every problem found in it. */
public record Validated<T>(T value, List<FieldError> errors) {

    public Validated {
        errors = List.copyOf(errors);
    }

    public static <T> Validated<T> ok(T value) {
        return new Validated<>(value, List.of());
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The same result with every field name nested under {@code prefix}, e.g. {@code proposed.name}. */
    public Validated<T> prefixed(String prefix) {
        return new Validated<>(value, errors.stream().map(e -> e.prefixed(prefix)).toList());
    }

    /**
     * This result plus more errors; a field already reported keeps its first message, and so do its
     * members ({@code relations[0]} reported covers {@code relations[0].type}).
     */
    public Validated<T> with(List<FieldError> more) {
        List<FieldError> all = new ArrayList<>(errors);
        Set<String> seen = new LinkedHashSet<>(errors.stream().map(FieldError::field).toList());
        for (FieldError e : more) {
            if (seen.stream().noneMatch(field -> isWithin(e.field(), field)) && seen.add(e.field())) {
                all.add(e);
            }
        }
        return new Validated<>(value, all);
    }

    private static boolean isWithin(String field, String reported) {
        return field.equals(reported) || field.startsWith(reported + ".") || field.startsWith(reported + "[");
    }
}
