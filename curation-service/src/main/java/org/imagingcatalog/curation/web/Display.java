package org.imagingcatalog.curation.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.imagingcatalog.curation.history.ChangeSummary;

import io.quarkus.qute.TemplateExtension;

/** Small formatting helpers for the templates. */
@TemplateExtension(namespace = "show")
public final class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Display() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String label(String field) {
        return ChangeSummary.label(field);
    }

    static String value(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "—" : list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        String s = String.valueOf(value);
        return s.isEmpty() ? "—" : s;
    }

    /** The trust fields of a resource, ready to show. */
    static TrustDisplay trust(org.imagingcatalog.model.Resource resource) {
        return TrustDisplay.of(resource);
    }

    static String labels(String[] fields) {
        return fields == null || fields.length == 0 ? "—"
                : java.util.Arrays.stream(fields).map(ChangeSummary::label).collect(Collectors.joining(", "));
    }
}
