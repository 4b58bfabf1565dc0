package org.imagingcatalog.model.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.trust.Urls;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every rule a catalog entry must meet, reporting each bad field by name. The submission form,
 * the submission API and the curator's edits all go through here, so they cannot drift apart.
 */
public final class ResourceValidator {

    /** Control characters; line breaks and tabs are allowed only in the description. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]|[\\u2028\\u2029]");
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t]");

    private ResourceValidator() {
    }

    public static List<FieldError> validate(Resource r, boolean requireId) {
        List<FieldError> errors = new ArrayList<>();
        if (r.id() == null) {
            if (requireId) {
                errors.add(new FieldError("id", "is required; " + Slugs.RULE));
            }
        } else if (!Slugs.isValid(r.id())) {
            errors.add(new FieldError("id", Slugs.RULE));
        }
        requiredText(errors, "name", r.name(), Limits.NAME_MAX);
        url(errors, r.url());
        text(errors, "description", r.description(), Limits.DESCRIPTION_MAX, true);
        text(errors, "provider", r.provider(), Limits.PROVIDER_MAX, false);
        text(errors, "license", r.license(), Limits.LICENSE_MAX, false);
        list(errors, "formats", r.formats());
        list(errors, "annotations", r.annotations());
        list(errors, "tags", r.tags());
        count(errors, "patients", r.counts().patients());
        count(errors, "images", r.counts().images());
        count(errors, "studies", r.counts().studies());
        TrustValidator.validate(r, errors);
        return errors;
    }

    /** Reads and checks a proposal, where the id may still be missing. */
    public static Validated<Resource> readAndValidate(JsonNode node) {
        return readAndValidate(node, false);
    }

    public static Validated<Resource> readAndValidate(JsonNode node, boolean requireId) {
        Validated<Resource> read = ResourceReader.fromJson(node);
        return read.value() == null ? read : read.with(validate(read.value(), requireId));
    }

    /** Reads and checks a form post for a new resource. */
    public static Validated<Resource> readAndValidateForm(Map<String, List<String>> form, boolean requireId) {
        Validated<Resource> read = ResourceReader.fromForm(form);
        return read.with(validate(read.value(), requireId));
    }

    /** Reads and checks a form post that edits {@code current}: trust fields the form does not carry are kept. */
    public static Validated<Resource> readAndValidateForm(Map<String, List<String>> form, Resource current,
            boolean requireId) {
        Validated<Resource> read = ResourceReader.fromForm(form, current);
        return read.with(validate(read.value(), requireId));
    }

    private static void requiredText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            text(errors, field, value, max, false);
        }
    }

    static void text(List<FieldError> errors, String field, String value, int max, boolean multiline) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters (it has " + value.length() + ")"));
        } else if (CONTROL.matcher(value).find() || (!multiline && LINE_BREAK.matcher(value).find())) {
            errors.add(new FieldError(field, multiline ? "must not contain control characters"
                    : "must be a single line without control characters"));
        }
    }

    private static void url(List<FieldError> errors, String url) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "is required"));
            return;
        }
        if (url.length() > Limits.URL_MAX) {
            errors.add(new FieldError("url", "must be at most " + Limits.URL_MAX + " characters"));
            return;
        }
        if (!Urls.isHttpUrl(url)) {
            errors.add(new FieldError("url", "must be an absolute http:// or https:// address, e.g. https://example.org/data"));
        }
    }

    private static void list(List<FieldError> errors, String field, List<String> items) {
        if (items.size() > Limits.LIST_ITEMS_MAX) {
            errors.add(new FieldError(field, "must have at most " + Limits.LIST_ITEMS_MAX + " items"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            String path = field + "[" + i + "]";
            if (item == null || item.isBlank()) {
                errors.add(new FieldError(path, "must not be empty"));
            } else if (item.length() > Limits.LIST_ITEM_MAX) {
                errors.add(new FieldError(path, "must be at most " + Limits.LIST_ITEM_MAX + " characters"));
            } else if (CONTROL.matcher(item).find() || LINE_BREAK.matcher(item).find()) {
                errors.add(new FieldError(path, "must be a single line without control characters"));
            } else if (!seen.add(item.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(path, "repeats \"" + item + "\""));
            }
        }
    }

    private static void count(List<FieldError> errors, String field, Long value) {
        if (value != null && (value < 0 || value > Limits.COUNT_MAX)) {
            errors.add(new FieldError("counts." + field, "must be a whole number from 0 to " + Limits.COUNT_MAX));
        }
    }
}
