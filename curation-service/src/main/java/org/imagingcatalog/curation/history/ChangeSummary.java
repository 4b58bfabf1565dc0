package org.imagingcatalog.curation.history;

import java.util.List;
import java.util.stream.Collectors;

import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.diff.ResourceDiff;
import org.imagingcatalog.model.trust.RiskDomain;

/** A human line for a list of changes, e.g. "CT changed from U to Y; name changed". */
public final class ChangeSummary {

    private static final int SHORT_VALUE = 40;

    private ChangeSummary() {
    }

    /**
     * Field names as people read them (catalog-model's labels), also for the paths a patch names as a whole: a
     * risk-of-bias domain ({@code riskOfBias.images} -> risk of bias: images) or a provenance entry
     * ({@code provenance.counts.patients} -> patient count: verification).
     */
    public static String label(String field) {
        for (RiskDomain d : RiskDomain.values()) {
            if (field.equals("riskOfBias." + d.key())) {
                return "risk of bias: " + d.label();
            }
        }
        if (field.equals("riskOfBias")) {
            return "risk of bias";
        }
        String label = ResourceDiff.label(field);
        if (label.equals(field) && field.startsWith("provenance.")) {
            return ResourceDiff.label(field.substring("provenance.".length())) + ": verification";
        }
        return label;
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
