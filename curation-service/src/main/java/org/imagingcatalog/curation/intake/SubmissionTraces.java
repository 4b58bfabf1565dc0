package org.imagingcatalog.curation.intake;

import java.util.List;

import org.imagingcatalog.kit.tracing.TraceLinks;
import org.imagingcatalog.model.events.CatalogEvent;
import org.imagingcatalog.model.events.SubmissionDecided;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * A decision answers its submission: the curator's request that writes it links to the trace of the submission's
 * intake, which {@link SubmissionIntake} kept with the queue item. The decision stays a trace of its own (it starts
 * with the curator, not with the contributor), and the two are one link apart.
 */
@ApplicationScoped
public class SubmissionTraces implements TraceLinks {

    private final EntityManager em;

    public SubmissionTraces(EntityManager em) {
        this.em = em;
    }

    @Override
    public String answeredTraceparent(CatalogEvent event) {
        if (!(event instanceof SubmissionDecided decided)) {
            return null;
        }
        List<?> rows = em.createNativeQuery("SELECT traceparent FROM review_item WHERE submission_id = ?1")
                .setParameter(1, decided.submissionId()).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }
}
