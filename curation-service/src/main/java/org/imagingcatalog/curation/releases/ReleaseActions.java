package org.imagingcatalog.curation.releases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hibernate.Session;
import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditLog;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.security.CuratorGuard;
import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.releases.ReleaseNames;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Named releases, called by the release page and the releases API alike. Cutting one (catalog-admin only) freezes
 * the current version of every entry, listed and withdrawn, as a list of version references, and publishes the
 * release's snapshots as ReleasePublished parts, all in one transaction. Edits wait for the cut to end (it holds a
 * share lock on the entries' heads), so a release is the catalog at one moment, never half an edit later.
 */
@ApplicationScoped
public class ReleaseActions {

    /** One cut at a time: two cuts racing for "the previous release" would both name the same one. */
    private static final long RELEASE_LOCK = 0x52_454C_4541_5345L;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CuratorGuard guard;
    private final AuditLog audit;
    private final Outbox outbox;
    private final EntityManager em;

    public ReleaseActions(CuratorGuard guard, AuditLog audit, Outbox outbox, EntityManager em) {
        this.guard = guard;
        this.audit = audit;
        this.outbox = outbox;
        this.em = em;
    }

    /** Every release, newest first. */
    public List<CatalogRelease> list() {
        guard.requireCuratorOrAdmin();
        return CatalogRelease.list("order by cutAt desc");
    }

    public CatalogRelease find(String name) {
        guard.requireCuratorOrAdmin();
        return (ReleaseNames.isValid(name) ? CatalogRelease.<CatalogRelease>findByIdOptional(name) : Optional.<CatalogRelease>empty())
                .orElseThrow(() -> CurationProblem.notFound("No release is called " + name + "."));
    }

    /**
     * Cuts a release of the catalog as it is now. A name already used answers 409 (names are never reused, so a
     * citation always means one thing); a bad name or notes answer 400 naming the field. Nothing changes on refusal.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public CatalogRelease cut(String name, String notes) {
        String admin = guard.requireCatalogAdmin();
        String releaseName = requireName(name);
        String releaseNotes = checkedNotes(notes);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, RELEASE_LOCK).getSingleResult();
        CatalogRelease existing = CatalogRelease.findById(releaseName);
        if (existing != null) {
            throw CurationProblem.conflict("Release " + releaseName + " was cut on " + WHEN.format(existing.cutAt)
                    + " by " + existing.cutBy + ". A release name is never reused, so that a citation always means one"
                    + " catalog: choose another name. Nothing was changed.");
        }
        em.createNativeQuery("LOCK TABLE resource IN SHARE MODE").executeUpdate();
        CatalogRelease release = new CatalogRelease();
        release.name = releaseName;
        release.notes = releaseNotes;
        release.cutAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        release.cutBy = admin;
        release.previous = CatalogRelease.<CatalogRelease>findAll(Sort.descending("cutAt")).firstResultOptional()
                .map(r -> r.name).orElse(null);
        Object[] counts = (Object[]) em.createNativeQuery(
                "SELECT count(*), count(*) FILTER (WHERE status = 'ACTIVE') FROM resource").getSingleResult();
        release.entryCount = ((Number) counts[0]).intValue();
        release.listedCount = ((Number) counts[1]).intValue();
        release.persist();
        em.flush();
        em.createNativeQuery("INSERT INTO release_entry (release_name, resource_id, version)"
                + " SELECT ?1, id, current_version FROM resource").setParameter(1, releaseName).executeUpdate();
        int parts = em.unwrap(Session.class).doReturningWork(connection -> ReleaseParts.publish(outbox, connection, release));
        audit.record(admin, AuditAction.RELEASE_CUT, releaseName, release.entryCount + " entries (" + release.listedCount
                + " listed), published in " + parts + " part" + (parts == 1 ? "" : "s")
                + (release.previous == null ? "" : "; previous release " + release.previous));
        return release;
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw CurationProblem.invalidField("name", "Give the release a name, e.g. 2026.1.");
        }
        if (!ReleaseNames.isValid(trimmed)) {
            throw CurationProblem.invalidField("name", "The name " + ReleaseNames.RULE + ".");
        }
        return trimmed;
    }

    private static String checkedNotes(String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        String text = notes.strip();
        if (text.length() > ReleaseNames.NOTES_MAX) {
            throw CurationProblem.invalidField("notes", "The notes are " + text.length() + " characters long; at most "
                    + ReleaseNames.NOTES_MAX + " are kept.");
        }
        if (CONTROL.matcher(text).find()) {
            throw CurationProblem.invalidField("notes", "The notes hold a control character; only text, line breaks"
                    + " and tabs are kept.");
        }
        return text;
    }
}
