package org.imagingcatalog.curation.intake;

import java.time.Instant;

import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.model.events.SubmissionReceived;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Puts a received submission into the review queue, once: the submission id is the queue item's key. */
@ApplicationScoped
public class SubmissionIntake {

    @Inject
    EntityManager em;

    /** @return true if a new queue item was made, false if this submission was already queued */
    @Transactional
    public boolean receive(SubmissionReceived event) {
        int inserted = em.createNativeQuery("""
                INSERT INTO review_item (submission_id, event_id, kind, resource_id, proposed, comment,
                    submitter_name, submitted_at, received_at, status)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6, ?7, ?8, ?9, 'RECEIVED')
                ON CONFLICT (submission_id) DO NOTHING""")
                .setParameter(1, event.submissionId())
                .setParameter(2, event.eventId())
                .setParameter(3, event.kind().name())
                .setParameter(4, event.resourceId())
                .setParameter(5, event.proposed() == null ? null : ResourceJson.write(event.proposed()))
                .setParameter(6, event.comment())
                .setParameter(7, event.submitterName())
                .setParameter(8, event.submittedAt() == null ? event.occurredAt() : event.submittedAt())
                .setParameter(9, Instant.now())
                .executeUpdate();
        return inserted == 1;
    }
}
