package org.imagingcatalog.curation.history;

import java.util.List;
import java.util.stream.Collectors;

import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.diff.ResourceDiff;

/** A human line for a list of changes, e.g. "CT changed from U to Y; name changed". */
public final class ChangeSummary {

    private static final int SHORT_VALUE = 40;

    private ChangeSummary() {
    }

    public static String label(String field) {
        return ResourceDiff.label(field);
    }

    public static String of(List<FieldChange> changes) {
        if (changes.isEmpty()) {
            return "no field changed";
        }
        return changes.stream().map(ChangeSummary::line).collect(Collectors.joining("; "));
    }

    private static String line(FieldChange change) {
        String before = text(change.before());
        String after = text(change.after());
        if (before.length() <= SHORT_VALUE && after.length() <= SHORT_VALUE && !before.contains("\n") && !after.contains("\n")) {
            return label(change.field()) + " changed from " + (before.isEmpty() ? "(empty)" : before)
                    + " to " + (after.isEmpty() ? "(empty)" : after);
        }
        return label(change.field()) + " changed";
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
