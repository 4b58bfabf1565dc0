package org.imagingcatalog.curation.seed;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditLog;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
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
 * On the first start, the seed list becomes version 1 of its resources (with the trust fields its sources state)
 * and is published. Exactly once, even when two instances start together: a transaction-scoped advisory lock
 * serialises the importers and the {@code seed_import} marker row, written in the same transaction, tells the later
 * ones it is done.
 *
 * <p>An installation that imported the seed before the trust fields existed receives them once, on the next start:
 * each seed entry not yet settled in {@code seed_trust} (and with no version of reason
 * {@link SeedCatalog#TRUST_REASON}) gets {@link SeedCatalog#trustUpdate} of its current version as a new version with
 * that reason, written and published like every other version; settling it in {@code seed_trust} in the same
 * transaction makes sure it never happens again, so a field a curator clears afterwards stays cleared.
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
        int updated = addTrustOnce();
        if (updated > 0) {
            LOG.infof("gave %d seed entries the trust fields of the seed's sources (one new version each)", updated);
        }
    }

    /** @return how many resources were imported now (0 if the seed was imported before) */
    @Transactional
    public int importOnce() {
        lock();
        boolean done = ((Number) em.createNativeQuery("SELECT count(*) FROM seed_import").getSingleResult()).longValue() > 0;
        if (done) {
            return 0;
        }
        List<SeedEntry> entries = SeedCatalog.load();
        for (SeedEntry entry : entries) {
            history.create(entry.resource(), SEED_CURATOR, SeedCatalog.PROVENANCE, null);
            settle(entry.resource().id(), 1);
        }
        em.createNativeQuery("INSERT INTO seed_import (id, entries) VALUES (1, ?1)")
                .setParameter(1, entries.size()).executeUpdate();
        audit.record(SEED_CURATOR, AuditAction.SEED_IMPORT, null, entries.size() + " resources: " + SeedCatalog.PROVENANCE);
        return entries.size();
    }

    /**
     * Gives each seed entry whose trust fields are not settled yet the seed's trust facts, as a new version with
     * reason {@link SeedCatalog#TRUST_REASON} by curator {@value #SEED_CURATOR}; an entry the seed has nothing to add
     * to is settled without a version. An entry this installation does not hold is left alone.
     *
     * @return how many new versions were written (0 on every start after the first)
     */
    @Transactional
    public int addTrustOnce() {
        lock();
        Set<String> settled = new HashSet<>();
        for (Object id : em.createNativeQuery("SELECT resource_id FROM seed_trust").getResultList()) {
            settled.add((String) id);
        }
        int added = 0;
        for (SeedEntry entry : SeedCatalog.load()) {
            String id = entry.resource().id();
            if (settled.contains(id)) {
                continue;
            }
            Optional<ResourceHead> head = history.lockHead(id);
            if (head.isEmpty()) {
                continue;
            }
            if (history.hasVersionWithReason(id, SeedCatalog.TRUST_REASON)) {
                settle(id, null);
                continue;
            }
            VersionView current = history.current(id).orElseThrow();
            Optional<Resource> update = SeedCatalog.trustUpdate(current.snapshot());
            Optional<VersionView> written = update.flatMap(resource -> history.append(head.get(), resource,
                    ResourceStatus.valueOf(head.get().status), SEED_CURATOR, SeedCatalog.TRUST_REASON, null));
            settle(id, written.map(VersionView::version).orElse(null));
            if (written.isPresent()) {
                added++;
            }
        }
        if (added > 0) {
            audit.record(SEED_CURATOR, AuditAction.SEED_IMPORT, null, added + " resources: " + SeedCatalog.TRUST_REASON);
        }
        return added;
    }

    private void lock() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, SEED_LOCK).getSingleResult();
    }

    private void settle(String resourceId, Integer version) {
        if (version == null) {
            em.createNativeQuery("INSERT INTO seed_trust (resource_id) VALUES (?1)").setParameter(1, resourceId)
                    .executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO seed_trust (resource_id, version) VALUES (?1, ?2)")
                    .setParameter(1, resourceId).setParameter(2, version).executeUpdate();
        }
    }
}
