package org.imagingcatalog.model.trust;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;

/** A judgement per domain; a domain left {@code null} is unassessed (no stated fact settles it). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskOfBias(@Valid RiskJudgement participants, @Valid RiskJudgement referenceStandard,
        @Valid RiskJudgement images, @Valid RiskJudgement composition) {

    public static RiskOfBias unassessed() {
        return new RiskOfBias(null, null, null, null);
    }

    public RiskJudgement get(RiskDomain domain) {
        return switch (domain) {
            case PARTICIPANTS -> participants;
            case REFERENCE_STANDARD -> referenceStandard;
            case IMAGES -> images;
            case COMPOSITION -> composition;
        };
    }

    public RiskOfBias with(RiskDomain domain, RiskJudgement judgement) {
        return new RiskOfBias(
                domain == RiskDomain.PARTICIPANTS ? judgement : participants,
                domain == RiskDomain.REFERENCE_STANDARD ? judgement : referenceStandard,
                domain == RiskDomain.IMAGES ? judgement : images,
                domain == RiskDomain.COMPOSITION ? judgement : composition);
    }

    @JsonIgnore
    public boolean isUnassessed() {
        return participants == null && referenceStandard == null && images == null && composition == null;
    }
}
