package org.imagingcatalog.curation.review;

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

/** Reads the review queue: newest first, filtered by kind and status, with counts per status. */
@ApplicationScoped
public class ReviewQueue {

    private final EntityManager em;

    public ReviewQueue(EntityManager em) {
        this.em = em;
    }

    public List<ReviewItem> list(String kind, String status) {
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
        Sort newestFirst = Sort.descending("submittedAt", "receivedAt");
        return where.isEmpty()
                ? ReviewItem.listAll(newestFirst)
                : ReviewItem.list(String.join(" and ", where), newestFirst, params);
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

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ReviewItem> lock(UUID submissionId) {
        return Optional.ofNullable(em.find(ReviewItem.class, submissionId, LockModeType.PESSIMISTIC_WRITE));
    }
}
