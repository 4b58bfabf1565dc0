package org.imagingcatalog.model.trust;

import java.util.Arrays;
import java.util.Optional;

import org.imagingcatalog.model.Limits;

import com.fasterxml.jackson.annotation.JsonIgnore;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A resource's identifier in one registry. The value is kept in its scheme's normal form, so two
 * spellings of one DOI are one identifier; a value that is none of its scheme's spellings stays as given
 * for {@link org.imagingcatalog.model.validation.ResourceValidator} to report.
 */
public record Identifier(@NotNull IdentifierScheme scheme, @NotBlank @Size(max = Limits.IDENTIFIER_MAX) String value) {

    public Identifier {
        String given = value == null || value.isBlank() ? null : value.strip();
        value = scheme == null || given == null ? given : scheme.normalised(given).orElse(given);
    }

    /** Whether the value is one of its scheme's spellings. */
    @JsonIgnore
    public boolean isValid() {
        return scheme != null && scheme.normalised(value).isPresent();
    }

    /** The identifier a link names, e.g. GitHub's {@code owner/repo} for any page of the repository. */
    public static Optional<Identifier> fromUrl(String url) {
        return Urls.site(url).flatMap(site -> Arrays.stream(IdentifierScheme.values())
                .filter(s -> s.hosts(site))
                .flatMap(s -> s.normalised(url).map(v -> new Identifier(s, v)).stream())
                .findFirst());
    }

    @Override
    public String toString() {
        return scheme + " " + value;
    }
}
