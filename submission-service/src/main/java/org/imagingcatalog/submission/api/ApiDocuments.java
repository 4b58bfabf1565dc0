package org.imagingcatalog.submission.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON documents of the submissions API. */
public final class ApiDocuments {

    private ApiDocuments() {
    }

    static final String PROPOSED = "NEW: the resource's fields (id optional; name and url required). CORRECTION: a JSON"
            + " Merge Patch (RFC 7396) against the current published version: only the fields it names change, a"
            + " nested object (counts, modalities) is merged member by member, a list is replaced whole, null clears a"
            + " field (name and url cannot be cleared: a 400 names them); a patch that changes nothing is a 400."
            + " WITHDRAWAL: none. The optional trust fields (all of the contract's vocabulary): relations (lineage,"
            + " DataCite relationType: {type, target, note}, target a catalog id, an absolute http(s) address or a DOI;"
            + " IsDerivedFrom = takes images from, IsPartOf = is part of, IsIdenticalTo = is the same as, IsSourceOf ="
            + " gives images to), identifiers ({scheme, value}; scheme doi, tcia, zenodo, kaggle, github, huggingface,"
            + " physionet, arxiv, pmid or url; the value in any usual spelling, stored in its normal form),"
            + " referenceStandard (RT_PCR, CLINICAL, RADIOLOGIST, REPORT_DERIVED, MIXED, UNKNOWN), population (ADULT,"
            + " PAEDIATRIC, MIXED, UNKNOWN), imageSource (HOSPITAL_DICOM, CONVERTED_FROM_DICOM, FROM_PUBLICATIONS, MIXED,"
            + " UNKNOWN), riskOfBias (per domain participants, referenceStandard, images, composition: {risk: LOW, HIGH"
            + " or UNCLEAR, reason}), provenance (field path -> {source, verifiedOn, verifiedBy}). Missing means not"
            + " stated (UNKNOWN); a bad value is a 400 naming its path, e.g. proposed.relations[1].target."
            + " version and status are read-side fields and ignored.";

    @Schema(name = "SubmissionRequest", description = "A proposal, or a revision of one. Unknown fields are refused.")
    public record SubmissionRequestDocument(
            @Schema(required = true, description = "required for a submission; a revision may leave it out (it keeps"
                    + " its submission's kind; another one is a 400)") SubmissionKind kind,
            @Schema(description = "the published resource to correct or withdraw (CORRECTION and WITHDRAWAL only; a"
                    + " revision keeps its submission's)")
            String resourceId,
            @Schema(description = PROPOSED, implementation = Resource.class) Resource proposed,
            @Schema(description = "why: required for CORRECTION and WITHDRAWAL") String comment,
            @Schema(description = "optional; the e-mail address is only used to tell you about the decision and never"
                    + " leaves this service. In a revision, what is left out stays as it was.")
            Submitter submitter) {
    }

    @Schema(name = "Submitter")
    public record Submitter(String name, String email) {
    }

    @Schema(name = "SubmissionAccepted")
    public record Accepted(UUID id, SubmissionStatus status,
            @Schema(description = "private link to follow the submission; keep it secret") String trackingUrl,
            @Schema(description = "the round: 1 for a submission, then one more for each revision") int revision) {
    }

    @Schema(name = "SubmissionRound", description = "One round of a submission: what it proposed and the curators' answer")
    public record Round(int revision, Instant submittedAt,
            @Schema(description = "as in SubmissionState.proposed", type = SchemaType.OBJECT) JsonNode proposed,
            String comment,
            @Schema(description = "the curators' decision on this round (null while it waits)") SubmissionStatus status,
            String message, Instant decidedAt) {
    }

    @Schema(name = "SubmissionState")
    public record State(UUID id, SubmissionKind kind,
            @Schema(description = "the resource: corrected, withdrawn, or (NEW) suggested, and once accepted the id the"
                    + " curators gave it") String resourceId,
            SubmissionStatus status,
            @Schema(description = "the curators' message on the current round, once they decided") String message,
            Instant submittedAt, Instant decidedAt,
            @Schema(description = "the current round") int revision,
            @Schema(description = "what the current round proposes: NEW the resource, CORRECTION only the fields its"
                    + " patch names (null clears), WITHDRAWAL null", type = SchemaType.OBJECT) JsonNode proposed,
            @Schema(description = "the resource's page in the public catalog (corrections, withdrawals, accepted new"
                    + " resources)") String publicUrl,
            List<Round> rounds) {
    }
}
