package org.imagingcatalog.curation.linkhealth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.imagingcatalog.curation.history.ResourceHistory;
import org.imagingcatalog.curation.linkhealth.LinkResult.Outcome;
import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.events.LinkChecked;
import org.imagingcatalog.model.events.LinkStatus;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.IdentifierScheme;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The link health tables: what to check, each check's result (its state, its history row and, for an entry's own
 * address, the {@link LinkChecked} event through the outbox, all in one transaction), and whether an answered page
 * is {@code CHANGED} against its baseline: its text at the entry's last curated version.
 */
@ApplicationScoped
public class LinkHealthStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DETAIL_MAX = 1000;
    private static final String WITHOUT_TEXT = "s.resource_id, s.url, s.kind, s.status, s.http_status, s.moved_to, s.detail,"
            + " s.checked_at, s.since, s.etag, s.last_modified, s.final_url, s.fingerprint, s.baseline_fingerprint,"
            + " s.baseline_version, s.baseline_at";

    private final DataSource dataSource;
    private final ResourceHistory history;
    private final Outbox outbox;

    public LinkHealthStore(DataSource dataSource, ResourceHistory history, Outbox outbox) {
        this.dataSource = dataSource;
        this.history = history;
        this.outbox = outbox;
    }

    /**
     * Every address of every active entry (its url, its DOIs through {@code doiResolver}, its url identifiers), the
     * least recently checked first, each with what its last check stored for a conditional request. States of
     * addresses no entry has any more are dropped.
     */
    @Transactional
    public List<LinkTarget> targets(String doiResolver) {
        Map<String, LinkState> known = new HashMap<>();
        // the validators only: a page's text stays in the database
        for (LinkState state : states("SELECT " + WITHOUT_TEXT + " FROM link_state s")) {
            known.put(state.resourceId() + " " + state.url(), state);
        }
        List<LinkTarget> targets = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>();
        for (Resource entry : history.currentSnapshots()) {
            if (entry.status() != ResourceStatus.ACTIVE) {
                continue;
            }
            Map<String, String> addresses = new java.util.LinkedHashMap<>();
            addresses.put(entry.url(), LinkTarget.ENTRY);
            for (Identifier identifier : entry.identifiers() == null ? List.<Identifier>of() : entry.identifiers()) {
                if (identifier.scheme() == IdentifierScheme.DOI) {
                    addresses.putIfAbsent(doiResolver + identifier.value(), identifier.toString());
                } else if (identifier.scheme() == IdentifierScheme.URL) {
                    addresses.putIfAbsent(identifier.value(), identifier.toString());
                }
            }
            addresses.forEach((url, kind) -> {
                LinkState state = known.get(entry.id() + " " + url);
                wanted.add(entry.id() + " " + url);
                targets.add(state == null ? LinkTarget.fresh(entry.id(), url, kind)
                        : new LinkTarget(entry.id(), url, kind, state.etag(), state.lastModified(), state.finalUrl()));
            });
        }
        for (LinkState state : known.values()) {
            if (!wanted.contains(state.resourceId() + " " + state.url())) {
                forget(state.resourceId(), state.url());
            }
        }
        targets.sort(java.util.Comparator.comparing((LinkTarget t) -> {
            LinkState state = known.get(t.resourceId() + " " + t.url());
            return state == null || state.checkedAt() == null ? Instant.MIN : state.checkedAt();
        }));
        return targets;
    }

    /** Stores a result (not a deferred one): the state, a history row, and the event for an entry's own address. */
    @Transactional
    public LinkState record(LinkResult result) {
        LinkTarget target = result.target();
        LinkState before = state(target.resourceId(), target.url()).orElse(null);
        Integer version = currentVersion(target.resourceId());
        boolean answered = result.outcome() == Outcome.ANSWERED || result.outcome() == Outcome.NOT_MODIFIED;
        String fingerprint = result.page() != null ? result.page().fingerprint() : before == null ? null : before.fingerprint();
        String text = result.page() != null ? result.page().text() : before == null ? null : before.pageText();
        String baselineFingerprint = before == null ? null : before.baselineFingerprint();
        String baselineText = before == null ? null : before.baselineText();
        Integer baselineVersion = before == null ? null : before.baselineVersion();
        Instant baselineAt = before == null ? null : before.baselineAt();
        LinkStatus status = result.status();
        if (answered && fingerprint != null) {
            if (baselineFingerprint == null || baselineVersion == null || version != null && baselineVersion < version) {
                // the first look at the page since the entry was last curated: that is what curators vouched for
                baselineFingerprint = fingerprint;
                baselineText = text;
                baselineVersion = version;
                baselineAt = result.checkedAt();
            } else if (!fingerprint.equals(baselineFingerprint) && status == LinkStatus.OK) {
                status = LinkStatus.CHANGED;
            }
        }
        String detail = status == LinkStatus.CHANGED && result.detail() == null
                ? "the page's text changed since version " + baselineVersion + " (" + baselineAt.toString().substring(0, 10) + ")"
                : result.detail();
        detail = detail == null || detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX - 1) + "…";
        boolean keepsValidators = result.outcome() != Outcome.ANSWERED;
        Instant since = before != null && before.status() == status ? before.since() : result.checkedAt();
        LinkState after = new LinkState(target.resourceId(), target.url(), target.kind(), status, result.httpStatus(),
                result.movedTo(), detail, result.checked() ? result.checkedAt() : before == null ? null : before.checkedAt(),
                since, keepsValidators && before != null ? before.etag() : result.etag(),
                keepsValidators && before != null ? before.lastModified() : result.lastModified(),
                keepsValidators && before != null ? before.finalUrl() : result.finalUrl(),
                fingerprint, text, baselineFingerprint, baselineText, baselineVersion, baselineAt);
        save(after);
        appendHistory(result, status, detail);
        if (result.checked() && target.isEntryUrl()) {
            publish(after);
        }
        return after;
    }

    /** A curator reviewed a changed page: its text now is the baseline, the address OK again. */
    @Transactional
    public LinkState rebaseline(LinkState changed) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        LinkState reviewed = new LinkState(changed.resourceId(), changed.url(), changed.kind(), LinkStatus.OK,
                changed.httpStatus(), null, null, changed.checkedAt(), now, changed.etag(), changed.lastModified(),
                changed.finalUrl(), changed.fingerprint(), changed.pageText(), changed.fingerprint(), changed.pageText(),
                currentVersion(changed.resourceId()), now);
        save(reviewed);
        if (LinkTarget.ENTRY.equals(changed.kind())) {
            publish(reviewed);
        }
        return reviewed;
    }

    public Optional<LinkState> state(String resourceId, String url) {
        return states("SELECT s.*, s.page_text AS page_text_shown, s.baseline_text AS baseline_text_shown"
                + " FROM link_state s WHERE resource_id = ? AND url = ?", resourceId, url).stream().findFirst();
    }

    /** The states of the active entries' addresses (the attention page filters and sorts them). */
    public List<LinkState> activeStates() {
        // the texts only of changed pages (their diff is shown); every other row without them
        return states("SELECT " + WITHOUT_TEXT + ", CASE WHEN s.status = 'CHANGED' THEN s.page_text END AS page_text_shown,"
                + " CASE WHEN s.status = 'CHANGED' THEN s.baseline_text END AS baseline_text_shown"
                + " FROM link_state s JOIN resource r ON r.id = s.resource_id WHERE r.status = 'ACTIVE'");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(String resourceId, String url) {
        update("DELETE FROM link_state WHERE resource_id = ? AND url = ?", resourceId, url);
    }

    // ---- proposals

    /** A proposal's address waiting for its one check. */
    public record ProposalUrl(java.util.UUID submissionId, int revision, String url) {
    }

    /** Undecided proposals (new ones, and corrections that change the address) whose address was not checked yet. */
    public List<ProposalUrl> uncheckedProposals(int limit) {
        String sql = """
                SELECT submission_id, revision, url FROM (
                  SELECT i.submission_id, i.revision, i.received_at,
                         CASE i.kind WHEN 'NEW' THEN i.proposed ->> 'url'
                                     ELSE coalesce(i.patch ->> 'url', nullif(i.proposed ->> 'url', r.url)) END AS url
                  FROM review_item i LEFT JOIN resource r ON r.id = i.resource_id
                  WHERE i.status IN ('RECEIVED', 'IN_REVIEW') AND i.kind IN ('NEW', 'CORRECTION')
                    AND NOT EXISTS (SELECT 1 FROM proposal_link_check p
                                    WHERE p.submission_id = i.submission_id AND p.revision = i.revision)) due
                WHERE url IS NOT NULL ORDER BY received_at LIMIT ?""";
        List<ProposalUrl> due = new ArrayList<>();
        query(sql, rows -> due.add(new ProposalUrl(rows.getObject(1, java.util.UUID.class), rows.getInt(2), rows.getString(3))), limit);
        return due;
    }

    @Transactional
    public void recordProposal(ProposalUrl proposal, LinkResult result) {
        update("""
                INSERT INTO proposal_link_check (submission_id, revision, url, status, http_status, detail, checked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", proposal.submissionId(), proposal.revision(),
                proposal.url(), result.status().name(), result.httpStatus(), result.detail(), result.checkedAt());
    }

    /** The one check of a proposal round's address, if it was made. */
    public record ProposalLink(String url, LinkStatus status, Integer httpStatus, String detail, Instant checkedAt) {
    }

    public Optional<ProposalLink> proposalLink(java.util.UUID submissionId, int revision) {
        List<ProposalLink> found = new ArrayList<>();
        query("SELECT url, status, http_status, detail, checked_at FROM proposal_link_check WHERE submission_id = ? AND revision = ?",
                rows -> found.add(new ProposalLink(rows.getString(1), LinkStatus.valueOf(rows.getString(2)),
                        (Integer) rows.getObject(3), rows.getString(4), rows.getTimestamp(5).toInstant())),
                submissionId, revision);
        return found.stream().findFirst();
    }

    // ---- JDBC

    private Integer currentVersion(String resourceId) {
        List<Integer> found = new ArrayList<>();
        query("SELECT current_version FROM resource WHERE id = ?", rows -> found.add(rows.getInt(1)), resourceId);
        return found.isEmpty() ? null : found.get(0);
    }

    private void save(LinkState s) {
        update("""
                INSERT INTO link_state (resource_id, url, kind, status, http_status, moved_to, detail, checked_at, since,
                    etag, last_modified, final_url, fingerprint, page_text, baseline_fingerprint, baseline_text,
                    baseline_version, baseline_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (resource_id, url) DO UPDATE SET kind = excluded.kind, status = excluded.status,
                    http_status = excluded.http_status, moved_to = excluded.moved_to, detail = excluded.detail,
                    checked_at = excluded.checked_at, since = excluded.since, etag = excluded.etag,
                    last_modified = excluded.last_modified, final_url = excluded.final_url,
                    fingerprint = excluded.fingerprint, page_text = excluded.page_text,
                    baseline_fingerprint = excluded.baseline_fingerprint, baseline_text = excluded.baseline_text,
                    baseline_version = excluded.baseline_version, baseline_at = excluded.baseline_at""",
                s.resourceId(), s.url(), s.kind(), s.status().name(), s.httpStatus(), s.movedTo(), s.detail(),
                s.checkedAt(), s.since(), s.etag(), s.lastModified(), s.finalUrl(), s.fingerprint(), s.pageText(),
                s.baselineFingerprint(), s.baselineText(), s.baselineVersion(), s.baselineAt());
    }

    private void appendHistory(LinkResult result, LinkStatus status, String detail) {
        ArrayNode chain = JSON.createArrayNode();
        result.chain().forEach(hop -> chain.addObject().put("url", hop.url()).put("status", hop.status()));
        update("""
                INSERT INTO link_check (resource_id, url, status, http_status, redirect_chain, moved_to, detail,
                    checked_at, duration_ms, etag, last_modified, fingerprint)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?)""",
                result.target().resourceId(), result.target().url(), status.name(), result.httpStatus(), chain.toString(),
                result.movedTo(), detail, result.checkedAt(), (int) Math.min(Integer.MAX_VALUE, result.durationMillis()),
                result.etag(), result.lastModified(), result.page() == null ? null : result.page().fingerprint());
    }

    private void publish(LinkState state) {
        outbox.append(LinkChecked.of(state.resourceId(), state.url(), state.status(), state.httpStatus(),
                state.checkedAt(), state.movedTo(), state.detail()));
    }

    private List<LinkState> states(String sql, Object... parameters) {
        List<LinkState> states = new ArrayList<>();
        query(sql, rows -> states.add(new LinkState(rows.getString("resource_id"), rows.getString("url"),
                rows.getString("kind"), LinkStatus.valueOf(rows.getString("status")), (Integer) rows.getObject("http_status"),
                rows.getString("moved_to"), rows.getString("detail"), instant(rows, "checked_at"), instant(rows, "since"),
                rows.getString("etag"), rows.getString("last_modified"), rows.getString("final_url"),
                rows.getString("fingerprint"), text(rows, "page_text_shown"), rows.getString("baseline_fingerprint"),
                text(rows, "baseline_text_shown"), (Integer) rows.getObject("baseline_version"), instant(rows, "baseline_at"))),
                parameters);
        return states;
    }

    /** A text column the query may have left out (null then). */
    private static String text(ResultSet rows, String column) throws SQLException {
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
            if (rows.getMetaData().getColumnLabel(i).equals(column)) {
                return rows.getString(i);
            }
        }
        return null;
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp t = rows.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Row row, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("link health: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("link health: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, p);
            }
        }
    }
}
