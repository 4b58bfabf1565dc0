package org.imagingcatalog.curation.curating;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;

/** Reads query and path parameters strictly: a bad value is a named 400/404, never a silent default. */
public final class Filters {

    private Filters() {
    }

    public static String kind(String kind) {
        return oneOf("kind", kind, Arrays.stream(SubmissionKind.values()).map(Enum::name).toList());
    }

    public static String status(String status) {
        return oneOf("status", status, Arrays.stream(SubmissionStatus.values()).map(Enum::name).toList());
    }

    public static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (RuntimeException e) {
            throw CurationProblem.notFound("No submission " + id + " in the review queue.");
        }
    }

    private static String oneOf(String field, String value, java.util.List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw CurationProblem.invalidField(field, "must be one of " + String.join(", ", allowed));
        }
        return v;
    }
}
