package org.imagingcatalog.submission.proposals;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.imagingcatalog.model.SubmissionStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One round of a submission: what the contributor proposed and why, and what the curators answered. */
@Entity
@Table(name = "submission_round")
@IdClass(SubmissionRound.Key.class)
public class SubmissionRound extends PanacheEntityBase {

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public UUID submissionId;
        public int revision;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(submissionId, k.submissionId) && revision == k.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(submissionId, revision);
        }
    }

    @Id
    @Column(name = "submission_id")
    public UUID submissionId;

    @Id
    public int revision;

    @Column(name = "proposed_json")
    public String proposedJson;

    @Column(name = "patch_json")
    public String patchJson;

    public String comment;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    /** The curators' decision on this round (null while it waits). */
    @Enumerated(EnumType.STRING)
    public SubmissionStatus status;

    @Column(name = "curator_message")
    public String curatorMessage;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static List<SubmissionRound> of(UUID submissionId) {
        return list("submissionId = ?1 order by revision", submissionId);
    }

    public static Optional<SubmissionRound> find(UUID submissionId, int revision) {
        return find("submissionId = ?1 and revision = ?2", submissionId, revision).firstResultOptional();
    }
}
