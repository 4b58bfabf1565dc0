package org.imagingcatalog.model.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The problems found so far while reading one input, each by field. */
final class FieldErrors {

    private final List<FieldError> list = new ArrayList<>();

    void add(String field, String message) {
        list.add(new FieldError(field, message));
    }

    /** The parsed value, or {@code null} with the parser's message recorded for {@code path}. */
    <E> E parse(String path, String raw, Function<String, E> parser) {
        try {
            return parser.apply(raw);
        } catch (IllegalArgumentException e) {
            add(path, e.getMessage());
            return null;
        }
    }

    List<FieldError> list() {
        return list;
    }
}
