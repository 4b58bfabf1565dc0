package org.imagingcatalog.curation.review;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One round of a submission, kept for good: what the contributor sent in it (revision 1 is the first proposal,
 * each "request changes" allows one more) and what the curator decided on it.
 */
@Entity
@Table(name = "review_round")
@IdClass(ReviewRound.Key.class)
public class ReviewRound extends PanacheEntityBase {

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;
    @Id
    public int revision;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String proposed;
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String patch;
    public String comment;
    @Column(name = "submitter_name")
    public String submitterName;
    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
    /** ACCEPT, REJECT or REQUEST_CHANGES once decided; null while the round waits. */
    public String outcome;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decision_message")
    public String decisionMessage;

    /** The primary key: submission and revision. */
    public static class Key implements Serializable {
        public UUID submissionId;
        public int revision;

        public Key() {
        }

        public Key(UUID submissionId, int revision) {
            this.submissionId = submissionId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && revision == k.revision && Objects.equals(submissionId, k.submissionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionId, revision);
        }
    }
}
