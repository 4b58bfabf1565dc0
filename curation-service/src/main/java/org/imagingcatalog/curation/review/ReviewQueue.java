package org.imagingcatalog.curation.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.imagingcatalog.model.SubmissionStatus;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** Reads the review queue: newest first, filtered by kind and status, a page at a time, with counts per status. */
@ApplicationScoped
public class ReviewQueue {

    private final EntityManager em;

    public ReviewQueue(EntityManager em) {
        this.em = em;
    }

    /** One page of the queue: {@code limit} items from {@code offset}, newest first (a stable order). */
    public List<ReviewItem> list(String kind, String status, int offset, int limit) {
        Filter f = filter(kind, status);
        Sort newestFirst = Sort.descending("submittedAt", "receivedAt", "submissionId");
        var query = f.where.isEmpty() ? ReviewItem.<ReviewItem>findAll(newestFirst)
                : ReviewItem.<ReviewItem>find(f.where, newestFirst, f.params);
        return query.range(offset, offset + limit - 1).list();
    }

    /** How many items match the filter (the total the pages add up to). */
    public long count(String kind, String status) {
        Filter f = filter(kind, status);
        return f.where.isEmpty() ? ReviewItem.count() : ReviewItem.count(f.where, f.params);
    }

    private record Filter(String where, Parameters params) {
    }

    private static Filter filter(String kind, String status) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (kind != null && !kind.isBlank()) {
            where.add("kind = :kind");
            params.and("kind", kind);
        }
        if (status != null && !status.isBlank()) {
            where.add("status = :status");
            params.and("status", status);
        }
        return new Filter(String.join(" and ", where), params);
    }

    /** Every status with its number of items (zero included), in lifecycle order. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SubmissionStatus s : SubmissionStatus.values()) {
            counts.put(s.name(), 0L);
        }
        List<Object[]> rows = em.createQuery("select r.status, count(r) from ReviewItem r group by r.status", Object[].class)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    public Optional<ReviewItem> find(UUID submissionId) {
        return ReviewItem.findByIdOptional(submissionId);
    }

    /** Every round of a submission, the first one first. */
    public List<ReviewRound> rounds(UUID submissionId) {
        return ReviewRound.list("submissionId", Sort.ascending("revision"), submissionId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReviewItem> lock(UUID submissionId) {
        return Optional.ofNullable(em.find(ReviewItem.class, submissionId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Records the decision on the item's current round (the round row is written if it is missing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordDecision(ReviewItem item, String outcome, Instant at, String curator, String message) {
        em.createNativeQuery("""
                INSERT INTO review_round (submission_id, revision, event_id, proposed, patch, comment, submitter_name,
                    submitted_at, received_at, outcome, decided_at, decided_by, decision_message)
                VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), CAST(?5 AS jsonb), ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                ON CONFLICT (submission_id, revision) DO UPDATE SET outcome = EXCLUDED.outcome,
                    decided_at = EXCLUDED.decided_at, decided_by = EXCLUDED.decided_by,
                    decision_message = EXCLUDED.decision_message""")
                .setParameter(1, item.submissionId)
                .setParameter(2, item.revision)
                .setParameter(3, item.eventId)
                .setParameter(4, item.proposed)
                .setParameter(5, item.patch)
                .setParameter(6, item.comment)
                .setParameter(7, item.submitterName)
                .setParameter(8, item.submittedAt)
                .setParameter(9, item.receivedAt)
                .setParameter(10, outcome)
                .setParameter(11, at)
                .setParameter(12, curator)
                .setParameter(13, message)
                .executeUpdate();
    }
}
