package org.imagingcatalog.submission.proposals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contributor's proposal and where curation stands with it. */
@Entity
@Table(name = "submission")
public class Submission extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tracking_token_hash", nullable = false, unique = true, length = 64)
    public String trackingTokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionKind kind;

    @Column(name = "resource_id")
    public String resourceId;

    /** The proposed resource as JSON: a NEW resource (null for a withdrawal and a patch correction). */
    @Column(name = "proposed_json")
    public String proposedJson;

    /** A correction's JSON Merge Patch against the published version (null before patches existed). */
    @Column(name = "patch_json")
    public String patchJson;

    /** The current round: 1, then one more per revision. */
    @Column(nullable = false)
    public int revision = 1;

    /** The version an accepted proposal became. */
    @Column(name = "resulting_version")
    public Integer resultingVersion;

    /** The tracking token sealed with the service's key, for decision mails (null without an e-mail address). */
    @Column(name = "tracking_token_sealed")
    public String trackingTokenSealed;

    public String comment;

    @Column(name = "submitter_name")
    public String submitterName;

    @Column(name = "submitter_email")
    public String submitterEmail;

    /** The OIDC subject of a contributor who was logged in when submitting. */
    @Column(name = "submitter_subject")
    public String submitterSubject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubmissionStatus status;

    @Column(name = "curator_message")
    public String curatorMessage;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    public static Optional<Submission> findByTokenHash(String hash) {
        return find("trackingTokenHash", hash).firstResultOptional();
    }

    public static List<Submission> listBySubject(String subject) {
        return list("submitterSubject = ?1 order by submittedAt desc", subject);
    }
}
