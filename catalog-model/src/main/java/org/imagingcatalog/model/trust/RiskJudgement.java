package org.imagingcatalog.model.trust;

import org.imagingcatalog.model.Limits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The risk of bias in one domain and the stated fact that settles it. */
public record RiskJudgement(@NotNull Risk risk, @NotBlank @Size(max = Limits.RISK_REASON_MAX) String reason) {

    public RiskJudgement {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }
}
