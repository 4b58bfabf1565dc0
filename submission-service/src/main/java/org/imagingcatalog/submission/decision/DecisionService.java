package org.imagingcatalog.submission.decision;

import java.util.Objects;
import java.util.Optional;

import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.submission.proposals.Submission;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Applies curators' decisions to submissions, each event at most once. */
@ApplicationScoped
public class DecisionService {

    private static final Logger LOG = Logger.getLogger(DecisionService.class);

    private final EntityManager entityManager;

    public DecisionService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the decision in the same transaction as the event's id, so a replayed or duplicated
     * event changes nothing.
     *
     * @return the submission when its status or message changed (its submitter is to be told)
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
        Submission submission = Submission.findById(decision.submissionId());
        if (submission == null) {
            LOG.warnf("decision %s names unknown submission %s; ignored", decision.eventId(), decision.submissionId());
            return Optional.empty();
        }
        SubmissionStatus status = decision.outcome().resultingStatus();
        if (submission.status == status && Objects.equals(submission.curatorMessage, decision.message())) {
            return Optional.empty(); // the same decision published again under a new event id
        }
        submission.status = status;
        submission.curatorMessage = decision.message();
        submission.decidedAt = decision.decidedAt();
        LOG.infof("submission %s is now %s", submission.id, status);
        return Optional.of(submission);
    }
}
