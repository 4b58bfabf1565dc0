package org.imagingcatalog.curation.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Records curator actions in the caller's transaction, so an action and its record commit together. Append-only:
 * the database refuses UPDATE, DELETE and TRUNCATE on the entries.
 */
@ApplicationScoped
public class AuditLog {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, AuditAction action, String subject, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
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

    /** The entries matching the query, newest first: {@code limit} of them from {@code offset}. */
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        Where where = where(query);
        Sort newestFirst = Sort.descending("occurredAt", "id");
        var found = where.text.isEmpty() ? AuditEntry.<AuditEntry>findAll(newestFirst)
                : AuditEntry.<AuditEntry>find(where.text, newestFirst, where.params);
        return found.range(offset, offset + limit - 1).list();
    }

    public long count(AuditQuery query) {
        Where where = where(query);
        return where.text.isEmpty() ? AuditEntry.count() : AuditEntry.count(where.text, where.params);
    }

    private record Where(String text, Parameters params) {
    }

    private static Where where(AuditQuery query) {
        List<String> clauses = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.actor() != null) {
            clauses.add("actor = :actor");
            params.and("actor", query.actor());
        }
        if (query.action() != null) {
            clauses.add("action = :action");
            params.and("action", query.action());
        }
        if (query.from() != null) {
            clauses.add("occurredAt >= :from");
            params.and("from", query.from());
        }
        if (query.before() != null) {
            clauses.add("occurredAt < :before");
            params.and("before", query.before());
        }
        return new Where(String.join(" and ", clauses), params);
    }
}
