package org.imagingcatalog.submission.decision;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.submission.proposals.Submission;
import org.imagingcatalog.submission.proposals.SubmissionRound;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Applies curators' decisions to submissions, each event at most once, and queues the contributor's mail in the
 * same transaction (the mail sender delivers it later: applying a decision never waits for SMTP).
 */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final EntityManager entityManager;

    public DecisionService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the decision in the same transaction as the event's id and the queued mail, so a replayed or
     * duplicated event changes nothing and sends nothing.
     *
     * @return the submission when its status or message changed
     */
    @Transactional
    public Optional<Submission> apply(SubmissionDecided decision) {
        int firstTime = entityManager.createNativeQuery(
                "INSERT INTO processed_event (event_id) VALUES (?1) ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, decision.eventId())
                .executeUpdate();
        if (firstTime == 0) {
            LOG.debugf("decision event %s was applied before", decision.eventId());
            return Optional.empty();
        }
        Submission submission = Submission.findById(decision.submissionId(), LockModeType.PESSIMISTIC_WRITE);
        if (submission == null) {
            LOG.warnf("decision %s names unknown submission %s; ignored", decision.eventId(), decision.submissionId());
            return Optional.empty();
        }
        SubmissionStatus status = decision.outcome().resultingStatus();
        if (submission.status == status && Objects.equals(submission.curatorMessage, decision.message())) {
            return Optional.empty(); // the same decision published again under a new event id
        }
        if (decidedInAnEarlierRound(submission, decision)) {
            LOG.infof("decision %s on submission %s was taken before its revision %d; ignored", decision.eventId(),
                    submission.id, submission.revision);
            return Optional.empty();
        }
        submission.status = status;
        submission.curatorMessage = decision.message();
        submission.decidedAt = decision.decidedAt();
        if (decision.outcome() == DecisionOutcome.ACCEPT && decision.resourceId() != null) {
            // the curators may have chosen or changed the id of a new resource
            submission.resourceId = decision.resourceId();
            submission.resultingVersion = decision.resultingVersion();
        }
        SubmissionRound.find(submission.id, submission.revision).ifPresent(round -> {
            round.status = status;
            round.curatorMessage = decision.message();
            round.decidedAt = decision.decidedAt();
        });
        if (submission.submitterEmail != null) {
            queueMail(submission);
        }
        LOG.infof("submission %s (revision %d) is now %s", submission.id, submission.revision, status);
        return Optional.of(submission);
    }

    /**
     * A decision republished from before the contributor's last revision: curation's clock decided it no later
     * than the decision that asked for that revision.
     */
    private static boolean decidedInAnEarlierRound(Submission submission, SubmissionDecided decision) {
        if (submission.revision <= 1 || decision.decidedAt() == null) {
            return false;
        }
        return SubmissionRound.find(submission.id, submission.revision - 1)
                .map(previous -> previous.decidedAt != null && !decision.decidedAt().isAfter(previous.decidedAt))
                .orElse(false);
    }

    /** One mail per submission, round and decided status, whatever arrives twice. */
    private void queueMail(Submission submission) {
        int queued = entityManager.createNativeQuery("""
                INSERT INTO outgoing_mail (id, submission_id, revision, status, curator_message)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (submission_id, revision, status) DO NOTHING
                """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, submission.id)
                .setParameter(3, submission.revision)
                .setParameter(4, submission.status.name())
                .setParameter(5, submission.curatorMessage)
                .executeUpdate();
        if (queued == 0) {
            LOG.debugf("the mail about submission %s being %s was queued before", submission.id, submission.status);
        }
    }
}
