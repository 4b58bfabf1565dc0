package org.imagingcatalog.curation.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.model.events.SubmissionReceived;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Puts received submissions into the review queue, once each: the submission id is the queue item's
 * key. A batch is one transaction, so a replay of the whole topic is quick and changes nothing.
 */
@ApplicationScoped
public class SubmissionIntake {

    private final EntityManager em;

    public SubmissionIntake(EntityManager em) {
        this.em = em;
    }

    /** @return the submissions that became new queue items; the others were queued already */
    @Transactional
    public List<SubmissionReceived> receiveAll(List<SubmissionReceived> events) {
        List<SubmissionReceived> queued = new ArrayList<>();
        for (SubmissionReceived event : events) {
            if (insert(event)) {
                queued.add(event);
            }
        }
        return queued;
    }

    private boolean insert(SubmissionReceived event) {
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
