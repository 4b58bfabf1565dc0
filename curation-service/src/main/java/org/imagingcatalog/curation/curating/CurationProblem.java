package org.imagingcatalog.curation.curating;

import java.util.List;

import org.imagingcatalog.model.validation.FieldError;

/**
 * Why an action changed nothing, in terms both the UI and the API render: the problem type's slug, the HTTP
 * status, a short title, a detail for people, the bad fields, and for a stale edit the version that is current now.
 */
public class CurationProblem extends RuntimeException {

    public enum Kind {
        INVALID("invalid-input", 400, "Invalid input"),
        NOT_FOUND("not-found", 404, "Not found"),
        CONFLICT("conflict", 409, "Conflict"),
        STALE("stale-version", 412, "The resource changed since your version"),
        PRECONDITION_REQUIRED("precondition-required", 428, "If-Match required");

        /** The end of the problem type, {@code urn:imaging-catalog:problem:<slug>}. */
        public final String slug;
        public final int status;
        public final String title;

        Kind(String slug, int status, String title) {
            this.slug = slug;
            this.status = status;
            this.title = title;
        }
    }

    private final Kind kind;
    private final List<FieldError> errors;
    private final Integer currentVersion;

    private CurationProblem(Kind kind, String detail, List<FieldError> errors, Integer currentVersion) {
        super(detail);
        this.kind = kind;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.currentVersion = currentVersion;
    }

    public static CurationProblem invalid(List<FieldError> errors) {
        return new CurationProblem(Kind.INVALID, "Some fields are not valid; nothing was changed.", errors, null);
    }

    public static CurationProblem invalidField(String field, String message) {
        return new CurationProblem(Kind.INVALID, message, List.of(new FieldError(field, message)), null);
    }

    public static CurationProblem notFound(String detail) {
        return new CurationProblem(Kind.NOT_FOUND, detail, null, null);
    }

    public static CurationProblem conflict(String detail) {
        return new CurationProblem(Kind.CONFLICT, detail, null, null);
    }

    public static CurationProblem stale(String resourceId, int yourVersion, int currentVersion) {
        return new CurationProblem(Kind.STALE, "Resource " + resourceId + " is at version " + currentVersion
                + ", your edit was based on version " + yourVersion + ". Nothing was changed.", null, currentVersion);
    }

    public static CurationProblem preconditionRequired(String resourceId, int currentVersion) {
        return new CurationProblem(Kind.PRECONDITION_REQUIRED, "Send If-Match: \"<version>\" with the version your edit "
                + "is based on (resource " + resourceId + " is at version " + currentVersion + ").", null, currentVersion);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Integer currentVersion() {
        return currentVersion;
    }
}
