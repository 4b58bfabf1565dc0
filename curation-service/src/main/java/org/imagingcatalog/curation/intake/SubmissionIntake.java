package org.imagingcatalog.curation.intake;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.model.events.SubmissionReceived;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Puts received submissions into the review queue, once each: the submission id is the queue item's key, and
 * every round of a submission (its revision number) is kept once in {@code review_round}. A revision after
 * "request changes" (a higher revision for an item in CHANGES_REQUESTED) brings the item back as RECEIVED with
 * that round; an equal or lower revision is a duplicate. A batch is one transaction, so a replay of the whole
 * topic is quick and changes nothing. The item keeps the trace context of its latest round's intake, which the
 * curator's decision links to ({@link SubmissionTraces}).
 */
@ApplicationScoped
public class SubmissionIntake {

    /** What became of one event. */
    public enum Outcome {
        /** A new queue item. */
        QUEUED,
        /** The contributor's next round: the item is back in the queue. */
        REVISED,
        /** A round the queue has already (a duplicate or a replay): nothing changed. */
        DUPLICATE,
        /**
         * A later round for an item that is not waiting for one (not in CHANGES_REQUESTED): the round is kept, the
         * item is left as it is.
         */
        KEPT_ONLY,
        /** A round whose kind or resource differs from its submission's: refused, nothing changed. */
        MISMATCHED
    }

    public record Received(SubmissionReceived event, Outcome outcome) {
    }

    /** An event as read, with the W3C {@code traceparent} of its intake's span (null when untraced). */
    public record Incoming(SubmissionReceived event, String traceparent) {
    }

    private final EntityManager em;

    public SubmissionIntake(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<Received> receiveAll(List<Incoming> events) {
        List<Received> received = new ArrayList<>(events.size());
        for (Incoming incoming : events) {
            received.add(new Received(incoming.event(), receive(incoming.event(), incoming.traceparent())));
        }
        return received;
    }

    private Outcome receive(SubmissionReceived event, String traceparent) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int revision = event.revision() == null ? 1 : event.revision();
        if (insertItem(event, revision, now, traceparent)) {
            insertRound(event, revision, now);
            return Outcome.QUEUED;
        }
        if (reopenWithRevision(event, revision, now, traceparent)) {
            insertRound(event, revision, now);
            return Outcome.REVISED;
        }
        Object[] item = (Object[]) em.createNativeQuery(
                "SELECT revision, kind, resource_id FROM review_item WHERE submission_id = ?1")
                .setParameter(1, event.submissionId()).getSingleResult();
        if (revision <= ((Number) item[0]).intValue()) {
            return Outcome.DUPLICATE;
        }
        if (!event.kind().name().equals(item[1]) || !java.util.Objects.equals(event.resourceId(), item[2])) {
            return Outcome.MISMATCHED;
        }
        return insertRound(event, revision, now) ? Outcome.KEPT_ONLY : Outcome.DUPLICATE;
    }

    private boolean insertItem(SubmissionReceived event, int revision, Instant now, String traceparent) {
        return em.createNativeQuery("""
                INSERT INTO review_item (submission_id, event_id, kind, resource_id, proposed, patch, comment,
                    submitter_name, submitted_at, received_at, status, revision, traceparent)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), CAST(?6 AS jsonb), ?7, ?8, ?9, ?10, 'RECEIVED', ?11,
                    CAST(?12 AS text))
                ON CONFLICT (submission_id) DO NOTHING""")
                .setParameter(1, event.submissionId())
                .setParameter(2, event.eventId())
                .setParameter(3, event.kind().name())
                .setParameter(4, event.resourceId())
                .setParameter(5, proposed(event))
                .setParameter(6, patch(event))
                .setParameter(7, event.comment())
                .setParameter(8, event.submitterName())
                .setParameter(9, submittedAt(event))
                .setParameter(10, now)
                .setParameter(11, revision)
                .setParameter(12, traceparent)
                .executeUpdate() == 1;
    }

    /**
     * The next round of an item waiting for it: one conditional UPDATE (the row lock orders it with a curator's
     * decision on the same item). The previous round keeps its decision in review_round; the item starts afresh.
     */
    private boolean reopenWithRevision(SubmissionReceived event, int revision, Instant now, String traceparent) {
        return em.createNativeQuery("""
                UPDATE review_item SET revision = ?2, event_id = ?3, proposed = CAST(?4 AS jsonb), patch = CAST(?5 AS jsonb),
                    comment = ?6, submitter_name = ?7, submitted_at = ?8, received_at = ?9, status = 'RECEIVED',
                    decided_at = NULL, decided_by = NULL, decision_message = NULL, resulting_version = NULL,
                    claimed_by = NULL, claimed_at = NULL, traceparent = CAST(?12 AS text)
                WHERE submission_id = ?1 AND status = 'CHANGES_REQUESTED' AND revision < ?2
                    AND kind = ?10 AND resource_id IS NOT DISTINCT FROM CAST(?11 AS text)""")
                .setParameter(1, event.submissionId())
                .setParameter(2, revision)
                .setParameter(3, event.eventId())
                .setParameter(4, proposed(event))
                .setParameter(5, patch(event))
                .setParameter(6, event.comment())
                .setParameter(7, event.submitterName())
                .setParameter(8, submittedAt(event))
                .setParameter(9, now)
                .setParameter(10, event.kind().name())
                .setParameter(11, event.resourceId())
                .setParameter(12, traceparent)
                .executeUpdate() == 1;
    }

    private boolean insertRound(SubmissionReceived event, int revision, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO review_round (submission_id, revision, event_id, proposed, patch, comment, submitter_name,
                    submitted_at, received_at)
                VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), CAST(?5 AS jsonb), ?6, ?7, ?8, ?9)
                ON CONFLICT (submission_id, revision) DO NOTHING""")
                .setParameter(1, event.submissionId())
                .setParameter(2, revision)
                .setParameter(3, event.eventId())
                .setParameter(4, proposed(event))
                .setParameter(5, patch(event))
                .setParameter(6, event.comment())
                .setParameter(7, event.submitterName())
                .setParameter(8, submittedAt(event))
                .setParameter(9, now)
                .executeUpdate() == 1;
    }

    private static String proposed(SubmissionReceived event) {
        return event.proposed() == null ? null : ResourceJson.write(event.proposed());
    }

    private static String patch(SubmissionReceived event) {
        return event.patch() == null ? null : event.patch().toString();
    }

    private static Instant submittedAt(SubmissionReceived event) {
        return event.submittedAt() == null ? event.occurredAt() : event.submittedAt();
    }

    /** For log lines. */
    public static String describe(Received r) {
        UUID id = r.event().submissionId();
        return switch (r.outcome()) {
            case QUEUED -> "queued " + r.event().kind() + " submission " + id;
            case REVISED -> "revision " + r.event().revision() + " of submission " + id + " is back in the queue";
            case DUPLICATE -> "submission " + id + " revision " + r.event().revision() + " was queued already";
            case KEPT_ONLY -> "kept revision " + r.event().revision() + " of submission " + id
                    + ", which is not waiting for a revision (its status is unchanged)";
            case MISMATCHED -> "refused revision " + r.event().revision() + " of submission " + id
                    + ": its kind or resource differs from the submission's";
        };
    }
}
