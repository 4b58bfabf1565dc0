package org.imagingcatalog.curation.seed;

import java.util.List;

import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditLog;
import org.imagingcatalog.curation.history.ResourceHistory;
import org.imagingcatalog.model.seed.SeedCatalog;
import org.imagingcatalog.model.seed.SeedEntry;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * On the first start, the seed list becomes version 1 of its resources and is published. Exactly once,
 * even when two instances start together: a transaction-scoped advisory lock serialises the importers and
 * the {@code seed_import} marker row, written in the same transaction, tells the later ones it is done.
 */
@ApplicationScoped
public class SeedImporter {

    public static final String SEED_CURATOR = "seed";
    private static final Logger LOG = Logger.getLogger(SeedImporter.class);
    private static final long SEED_LOCK = 0x5eed_ca7aL;

    private final EntityManager em;
    private final ResourceHistory history;
    private final AuditLog audit;

    public SeedImporter(EntityManager em, ResourceHistory history, AuditLog audit) {
        this.em = em;
        this.history = history;
        this.audit = audit;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        int imported = importOnce();
        if (imported > 0) {
            LOG.infof("imported %d resources from the seed list", imported);
        }
    }

    /** @return how many resources were imported now (0 if the seed was imported before) */
    @Transactional
    public int importOnce() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, SEED_LOCK).getSingleResult();
        boolean done = ((Number) em.createNativeQuery("SELECT count(*) FROM seed_import").getSingleResult()).longValue() > 0;
        if (done) {
            return 0;
        }
        List<SeedEntry> entries = SeedCatalog.load();
        for (SeedEntry entry : entries) {
            history.create(entry.resource(), SEED_CURATOR, SeedCatalog.PROVENANCE, null);
        }
        em.createNativeQuery("INSERT INTO seed_import (id, entries) VALUES (1, ?1)")
                .setParameter(1, entries.size()).executeUpdate();
        audit.record(SEED_CURATOR, AuditAction.SEED_IMPORT, null, entries.size() + " resources: " + SeedCatalog.PROVENANCE);
        return entries.size();
    }
}
