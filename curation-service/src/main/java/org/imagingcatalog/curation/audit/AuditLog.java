package org.imagingcatalog.curation.audit;

import java.time.Instant;
import java.util.List;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records curator actions in the caller's transaction, so an action and its record commit together. */
@ApplicationScoped
public class AuditLog {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, String subject, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now();
        entry.actor = actor;
        entry.action = action.name();
        entry.subject = subject;
        entry.detail = detail;
        entry.persist();
    }

    @Transactional
    public void recordAlone(String actor, AuditAction action, String subject, String detail) {
        record(actor, action, subject, detail);
    }

    public List<AuditEntry> recent(String action, int limit) {
        Sort newestFirst = Sort.descending("occurredAt", "id");
        var query = action == null || action.isBlank()
                ? AuditEntry.<AuditEntry>findAll(newestFirst)
                : AuditEntry.<AuditEntry>find("action", newestFirst, action);
        return query.page(Page.ofSize(limit)).list();
    }
}
