package org.imagingcatalog.curation.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditLog;
import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.curation.curating.CurationProblem;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.curation.history.ResourceVersion;
import org.imagingcatalog.curation.imports.ImportPlanner.Planned;
import org.imagingcatalog.curation.imports.ImportRun.Status;
import org.imagingcatalog.curation.security.CuratorGuard;
import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Bulk import, called by the import page and the imports API alike (one permission check per action). A dry run
 * says what each row would do and changes nothing. Applying writes every NEW and CHANGED row as a version through
 * the history, as a curator's edit does (each with its audit record and its EntryVersionPublished event), with one
 * reason and the import's id, in one transaction: a single INVALID row, or any failure while writing, changes
 * nothing. Reverting writes, for every entry the import touched, a version with the content it had before (an entry
 * the import created is withdrawn); it is refused while any of them has changed since the import.
 */
@ApplicationScoped
public class ImportActions {

    /** Versions are written in chunks; the persistence context is emptied after each, so 10,000 rows stay fast. */
    private static final int CHUNK = 200;
    /** Ids per IN (...) query. */
    private static final int IDS_PER_QUERY = 1000;
    /** One import at a time: two imports of the same new entry would otherwise race. */
    private static final long IMPORT_LOCK = 0x1_4D50_4F52_54L;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final CuratorGuard guard;
    private final ResourceHistory history;
    private final AuditLog audit;
    private final EntityManager em;

    public ImportActions(CuratorGuard guard, ResourceHistory history, AuditLog audit, EntityManager em) {
        this.guard = guard;
        this.history = history;
        this.audit = audit;
        this.em = em;
    }

    /** An import with its row table and, once applied, the versions it made. */
    public record ImportView(ImportRun run, ImportReport report, List<ImportedVersion> versions) {
    }

    // ---- reading

    /** What importing the file would do now; nothing is stored or changed. */
    public ImportReport dryRun(byte[] file, ImportFormat format) {
        guard.requireCurator();
        return new ImportReport(plan(rows(file, format), false).stream().map(Planned::report).toList());
    }

    public ImportView find(UUID id) {
        guard.requireCurator();
        ImportRun run = ImportRun.<ImportRun>findByIdOptional(id).orElseThrow(() -> noImport(id));
        return view(run);
    }

    /** The latest imports, newest first. */
    public List<ImportRun> recent(int limit) {
        guard.requireCurator();
        return ImportRun.<ImportRun>findAll(Sort.descending("createdAt")).range(0, limit - 1).list();
    }

    // ---- changing

    /**
     * Stores the file with its dry run as a staged import (the page shows its table before anything happens).
     * A file refused as a whole (not UTF-8, no header, unknown column, ...) is not stored.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public UUID stage(byte[] file, ImportFormat format, String fileName) {
        String curator = guard.requireCurator();
        String text = ImportText.decode(file);
        List<ImportRow> rows = rows(text, format);
        ImportReport report = new ImportReport(plan(rows, false).stream().map(Planned::report).toList());
        ImportRun run = newRun(curator, format, fileName, text, rows);
        run.report = json(report);
        run.persist();
        return run.id;
    }

    /** Applies a staged import; an import already applied (a reload, a second click) is refused and changes nothing. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportView applyStaged(UUID id, String reason) {
        String curator = guard.requireCurator();
        String why = requireReason(reason);
        ImportRun run = Optional.ofNullable(em.find(ImportRun.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> noImport(id));
        if (!run.is(Status.STAGED)) {
            throw CurationProblem.conflict("Import " + id + " was already applied" + (run.appliedAt == null ? ""
                    : " on " + DAY.format(run.appliedAt) + " by " + run.appliedBy) + (run.is(Status.REVERTED)
                    ? " and has been reverted since" : "") + "; it is applied once only, so nothing was done again.");
        }
        List<ImportRow> rows = rows(run.content, ImportFormat.valueOf(run.format.toUpperCase(Locale.ROOT)));
        return apply(run, rows, curator, why);
    }

    /** The API's real run: the file applied at once, recorded as an applied import. */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportView importNow(byte[] file, ImportFormat format, String reason) {
        String curator = guard.requireCurator();
        String why = requireReason(reason);
        String text = ImportText.decode(file);
        List<ImportRow> rows = rows(text, format);
        ImportRun run = newRun(curator, format, null, text, rows);
        return apply(run, rows, curator, why);
    }

    /**
     * Reverts an applied import as one: for every entry it touched a new version with the content from before it
     * (an entry it created is withdrawn). Refused, changing nothing, while an entry has a version after the import's:
     * revert or undo those edits first.
     */
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public ImportView revert(UUID id, String reason) {
        String curator = guard.requireCurator();
        String why = requireReason(reason);
        ImportRun run = Optional.ofNullable(em.find(ImportRun.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> noImport(id));
        if (run.is(Status.STAGED)) {
            throw CurationProblem.conflict("Import " + id + " was never applied; there is nothing to revert.");
        }
        if (run.is(Status.REVERTED)) {
            throw CurationProblem.conflict("Import " + id + " was already reverted on " + DAY.format(run.revertedAt)
                    + " by " + run.revertedBy + "; nothing was done again.");
        }
        List<ImportedVersion> versions = ImportedVersion.list("importId", Sort.ascending("rowNumber"), id);
        Map<String, ResourceHead> heads = lockHeads(versions.stream().map(v -> v.resourceId).toList());
        List<String> changedSince = new ArrayList<>();
        for (ImportedVersion v : versions) {
            ResourceHead head = heads.get(v.resourceId);
            if (head.currentVersion != v.version) {
                changedSince.add(v.resourceId + " (version " + head.currentVersion + ", the import made version "
                        + v.version + ")");
            }
        }
        if (!changedSince.isEmpty()) {
            throw CurationProblem.conflict(changedSince.size() + " entr" + (changedSince.size() == 1 ? "y was" : "ies were")
                    + " changed after the import, so reverting it would undo those changes too: "
                    + String.join(", ", changedSince.subList(0, Math.min(10, changedSince.size())))
                    + (changedSince.size() > 10 ? " and " + (changedSince.size() - 10) + " more" : "")
                    + ". Revert them one by one on their pages instead. Nothing was reverted.");
        }
        String versionReason = "reverting import " + id + ": " + why;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int from = 0; from < versions.size(); from += CHUNK) {
            List<ImportedVersion> chunk = versions.subList(from, Math.min(versions.size(), from + CHUNK));
            for (ImportedVersion v : chunk) {
                ResourceHead head = em.find(ResourceHead.class, v.resourceId);
                VersionView current = history.version(v.resourceId, head.currentVersion).orElseThrow();
                VersionView next = v.created()
                        ? history.append(head, current.snapshot(), ResourceStatus.WITHDRAWN, curator, versionReason, null)
                                .orElseThrow()
                        : history.append(head, history.version(v.resourceId, v.previousVersion).orElseThrow().snapshot(),
                                ResourceStatus.valueOf(head.status), curator, versionReason, null).orElseThrow();
                em.createNativeQuery("UPDATE import_version SET revert_version = ?1 WHERE import_id = ?2 AND resource_id = ?3")
                        .setParameter(1, next.version()).setParameter(2, id).setParameter(3, v.resourceId).executeUpdate();
                audit.record(curator, AuditAction.IMPORT_REVERT, v.resourceId, "version " + next.version() + " = "
                        + (v.created() ? "withdrawn (the import created it)" : "version " + v.previousVersion)
                        + " (" + versionReason + ")");
            }
            em.flush();
            em.clear();
        }
        ImportRun reverted = em.find(ImportRun.class, id);
        reverted.status = Status.REVERTED.name();
        reverted.revertedAt = now;
        reverted.revertedBy = curator;
        reverted.revertReason = why;
        audit.record(curator, AuditAction.IMPORT_REVERT, "import " + id, versions.size() + " entries: " + why);
        em.flush();
        return view(reverted);
    }

    // ---- the real run

    private ImportView apply(ImportRun run, List<ImportRow> rows, String curator, String why) {
        List<Planned> planned = plan(rows, true);
        ImportReport report = new ImportReport(planned.stream().map(Planned::report).toList());
        if (report.hasInvalid()) {
            throw new ImportRefused(report);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        run.status = Status.APPLIED.name();
        run.reason = why;
        run.appliedAt = now;
        run.appliedBy = curator;
        run.rowCount = rows.size();
        run.report = json(report);
        if (!em.contains(run)) {
            run.persist();
        }
        em.flush();
        UUID importId = run.id;
        String versionReason = why + " (import " + importId + ")";
        List<Planned> toWrite = planned.stream().filter(p -> p.candidate() != null).toList();
        for (int from = 0; from < toWrite.size(); from += CHUNK) {
            for (Planned p : toWrite.subList(from, Math.min(toWrite.size(), from + CHUNK))) {
                write(importId, p, curator, versionReason);
            }
            em.flush();
            em.clear();
        }
        audit.record(curator, AuditAction.IMPORT, "import " + importId, report.count(RowOutcome.NEW) + " new, "
                + report.count(RowOutcome.CHANGED) + " changed, " + report.count(RowOutcome.UNCHANGED) + " unchanged of "
                + rows.size() + " rows: " + why);
        em.flush();
        return view(em.find(ImportRun.class, importId));
    }

    private void write(UUID importId, Planned p, String curator, String versionReason) {
        String id = p.report().id();
        ImportedVersion made = new ImportedVersion();
        made.importId = importId;
        made.resourceId = id;
        made.rowNumber = p.report().row();
        VersionView version;
        if (p.report().outcome() == RowOutcome.NEW) {
            version = history.create(p.candidate(), curator, versionReason, null);
        } else {
            ResourceHead head = em.find(ResourceHead.class, id);
            made.previousVersion = head.currentVersion;
            version = history.append(head, p.candidate(), ResourceStatus.valueOf(head.status), curator, versionReason,
                    null).orElseThrow(() -> new IllegalStateException("a CHANGED row of " + id + " changed nothing"));
        }
        made.version = version.version();
        made.persist();
        audit.record(curator, AuditAction.IMPORT, id, "version " + version.version() + ": " + version.row().summary
                + " (" + versionReason + ")");
    }

    // ---- helpers

    private static List<ImportRow> rows(byte[] file, ImportFormat format) {
        return rows(ImportText.decode(file), format);
    }

    private static List<ImportRow> rows(String text, ImportFormat format) {
        return format == ImportFormat.JSON ? JsonRows.read(text) : CsvColumns.read(text);
    }

    /**
     * The rows planned against the catalog as it stands. {@code forWriting}: one import at a time, and the head of
     * every entry the rows name locked until the transaction ends, so the plan is exactly what gets written.
     */
    private List<Planned> plan(List<ImportRow> rows, boolean forWriting) {
        List<String> ids = ImportPlanner.ids(rows);
        if (forWriting) {
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, IMPORT_LOCK).getSingleResult();
            lockHeads(ids);
        }
        return ImportPlanner.plan(rows, currentVersions(ids));
    }

    /** Locks the heads of these entries (those that exist) in id order; the locks last until the transaction ends. */
    private Map<String, ResourceHead> lockHeads(List<String> ids) {
        Map<String, ResourceHead> heads = new HashMap<>();
        List<String> sorted = ids.stream().sorted().toList();
        for (int from = 0; from < sorted.size(); from += IDS_PER_QUERY) {
            em.createQuery("SELECT h FROM ResourceHead h WHERE h.id IN :ids ORDER BY h.id", ResourceHead.class)
                    .setParameter("ids", sorted.subList(from, Math.min(sorted.size(), from + IDS_PER_QUERY)))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().forEach(h -> heads.put(h.id, h));
        }
        return heads;
    }

    /** The current version of each of these entries the catalog has, by id. */
    private Map<String, Resource> currentVersions(List<String> ids) {
        Map<String, Resource> current = new HashMap<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            em.createQuery("SELECT v FROM ResourceVersion v, ResourceHead h WHERE v.resourceId = h.id "
                    + "AND v.version = h.currentVersion AND h.id IN :ids", ResourceVersion.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .getResultStream().forEach(v -> current.put(v.resourceId, ResourceJson.read(v.snapshot)));
        }
        return current;
    }

    private static ImportRun newRun(String curator, ImportFormat format, String fileName, String content,
            List<ImportRow> rows) {
        ImportRun run = new ImportRun();
        run.id = UUID.randomUUID();
        run.curator = curator;
        run.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        run.status = Status.STAGED.name();
        run.format = format.key();
        run.fileName = fileName == null || fileName.isBlank() ? null : fileName.strip();
        run.rowCount = rows.size();
        run.content = content;
        return run;
    }

    private ImportView view(ImportRun run) {
        List<ImportedVersion> versions = ImportedVersion.list("importId", Sort.ascending("rowNumber"), run.id);
        return new ImportView(run, report(run.report), versions);
    }

    private static String json(ImportReport report) {
        try {
            return ResourceJson.mapper().writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportReport report(String json) {
        try {
            return ResourceJson.mapper().readValue(json, ImportReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reason every version of the import carries: required, as for every direct change. */
    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw CurationProblem.invalidField("reason", "Give a reason for the import; every version it makes "
                    + "carries it in the history.");
        }
        String why = reason.strip();
        if (why.length() > Limits.REASON_MAX) {
            throw CurationProblem.invalidField("reason", "At most " + Limits.REASON_MAX + " characters.");
        }
        if (CONTROL.matcher(why).find()) {
            throw CurationProblem.invalidField("reason", "Must not contain control characters.");
        }
        return why;
    }

    private static CurationProblem noImport(UUID id) {
        return CurationProblem.notFound("No import " + id + ".");
    }
}
