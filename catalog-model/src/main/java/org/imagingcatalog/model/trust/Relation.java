package org.imagingcatalog.model.trust;

import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Slugs;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * "This resource {@code type} {@code target}", e.g. IsDerivedFrom sirm-covid-19-database. The target is a
 * catalog id, a DOI (kept in its normal form, whichever spelling was given) or an absolute http(s) address
 * (kept as given: it is shown as a link). The note says what was taken.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Relation(@NotNull RelationType type, @NotBlank @Size(max = Limits.URL_MAX) String target,
        @Size(max = Limits.NOTE_MAX) String note) {

    public Relation {
        target = target == null || target.isBlank() ? null : Dois.parse(target).orElse(target.strip());
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** Whether the target is a catalog id, a DOI or an absolute http(s) address. */
    public boolean hasValidTarget() {
        return target != null && (Slugs.isValid(target) || Dois.parse(target).isPresent() || Urls.isHttpUrl(target));
    }

    @Override
    public String toString() {
        return type + " " + target + (note == null ? "" : " (" + note + ")");
    }
}
