package org.imagingcatalog.curation.review;

import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A submission waiting for (or having had) a curator's decision. Holds the contributor's proposal. */
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

    public boolean isOpen() {
        return "RECEIVED".equals(status) || "IN_REVIEW".equals(status);
    }
}
