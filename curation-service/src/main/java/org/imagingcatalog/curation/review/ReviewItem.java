package org.imagingcatalog.curation.review;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A submission waiting for (or having had) a curator's decision. Holds the contributor's current round: its
 * proposal (or patch), comment and revision number; every round, earlier ones too, is also a {@link ReviewRound}.
 */
@Entity
@Table(name = "review_item")
public class ReviewItem extends PanacheEntityBase {

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(nullable = false)
    public String kind;
    @Column(name = "resource_id")
    public String resourceId;
    /** The proposed resource as catalog-model JSON (null for a withdrawal without fields). */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String proposed;
    public String comment;
    @Column(name = "submitter_name")
    public String submitterName;
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    @Column(nullable = false)
    public String status;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_message")
    public String decisionMessage;
    @Column(name = "resulting_version")
    public Integer resultingVersion;
    /** The contributor's round under review: 1 for the first proposal, then one more per revision. */
    @Column(nullable = false)
    public int revision = 1;
    /** A correction's JSON Merge Patch (null for a NEW proposal, a withdrawal, or a correction sent before patches). */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String patch;
    /** The curator who claimed this review, and when (a claim is explicit; opening a review changes nothing). */
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claimed_at")
    public Instant claimedAt;

    public boolean isOpen() {
        return "RECEIVED".equals(status) || "IN_REVIEW".equals(status);
    }

    /** Changes were requested: the contributor is revising, nobody can decide until their next round arrives. */
    public boolean isRevising() {
        return "CHANGES_REQUESTED".equals(status);
    }
}
