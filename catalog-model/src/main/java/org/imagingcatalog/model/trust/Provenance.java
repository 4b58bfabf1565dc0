package org.imagingcatalog.model.trust;

import java.time.LocalDate;

import org.imagingcatalog.model.Limits;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Where one field's value was verified, on which day and by whom. The day is written as an ISO date
 * ({@code 2026-12-03}) by any JSON mapper, also one without Jackson's Java time module.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(@NotBlank @Size(max = Limits.URL_MAX) String source,
        @NotNull @JsonSerialize(using = ToStringSerializer.class) LocalDate verifiedOn,
        @Size(max = Limits.VERIFIED_BY_MAX) String verifiedBy) {

    public Provenance {
        source = source == null ? null : source.strip();
        verifiedBy = verifiedBy == null || verifiedBy.isBlank() ? null : verifiedBy.strip();
    }

    @JsonCreator
    static Provenance fromJson(@JsonProperty("source") String source, @JsonProperty("verifiedOn") String verifiedOn,
            @JsonProperty("verifiedBy") String verifiedBy) {
        return new Provenance(source, verifiedOn == null ? null : LocalDate.parse(verifiedOn), verifiedBy);
    }
}
