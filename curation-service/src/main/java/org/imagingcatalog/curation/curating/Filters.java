package org.imagingcatalog.curation.curating;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditQuery;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.validation.FieldError;

/** Reads query and path parameters strictly: a bad value is a named 400/404, never a silent default. */
public final class Filters {

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int NAME_MAX = 200;
    private static final String WHEN = "must be a date like 2026-01-31 or a time like 2026-01-31T12:00:00Z";

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

    /**
     * The audit filters: {@code curator} (who acted), {@code action}, and {@code from}/{@code to} as UTC dates
     * (both days included) or exact times. Every bad one is named, all at once.
     */
    public static AuditQuery audit(String curator, String action, String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        String actor = curator == null || curator.isBlank() ? null : curator.strip();
        if (actor != null && (actor.length() > NAME_MAX || CONTROL.matcher(actor).find())) {
            errors.add(new FieldError("curator", "must be a user name (at most " + NAME_MAX + " characters)"));
            actor = null;
        }
        String a = null;
        try {
            a = action(action);
        } catch (CurationProblem p) {
            errors.addAll(p.errors());
        }
        Instant start = null;
        Instant before = null;
        try {
            start = instant(from, false);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("from", WHEN));
        }
        try {
            before = instant(to, true);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("to", WHEN));
        }
        if (start != null && before != null && !start.isBefore(before)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        if (!errors.isEmpty()) {
            throw CurationProblem.invalid(errors);
        }
        return new AuditQuery(actor, a, start, before);
    }

    public static String action(String action) {
        return oneOf("action", action, Arrays.stream(AuditAction.values()).map(Enum::name).toList());
    }

    /** A date (the day's start, or for an end the next day's start) or an exact time (an end includes it). */
    private static Instant instant(String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 40) {
            throw new DateTimeParseException("too long", v, 0);
        }
        if (v.length() == 10) {
            LocalDate day = LocalDate.parse(v);
            return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        Instant at = OffsetDateTime.parse(v).toInstant();
        return end ? at.plus(1, ChronoUnit.MICROS) : at;
    }

    private static String oneOf(String field, String value, List<String> allowed) {
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
