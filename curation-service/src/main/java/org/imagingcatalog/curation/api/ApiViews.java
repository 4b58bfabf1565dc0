package org.imagingcatalog.curation.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.curation.audit.AuditEntry;
import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.curation.curating.CurationActions.QueueEntry;
import org.imagingcatalog.curation.curating.CurationActions.Review;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.curation.review.CatalogChecks.Check;
import org.imagingcatalog.curation.review.DuplicateFinder.Duplicate;
import org.imagingcatalog.curation.review.ReviewItem;
import org.imagingcatalog.curation.review.ReviewRound;
import org.imagingcatalog.model.diff.FieldChange;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON shapes of the curation API. Resources appear exactly as the contract's resource JSON. */
public final class ApiViews {

    private ApiViews() {
    }

    /**
     * A queue item. {@code name}: what it proposes (a NEW proposal's name, a correction's new name) or the
     * entry it concerns; {@code proposed}: a NEW proposal or a correction sent before patches (the whole
     * resource); {@code patch}: a correction's JSON Merge Patch; {@code revision}: the contributor's round
     * under review; {@code claimedBy}: the curator reviewing it; {@code duplicates}: likely duplicates in the catalog
     * (same URL, similar name); {@code checks}: automated findings in the contract's shape, now
     * {@code IDENTIFIER_IN_CATALOG} (an address or identifier of the proposal, in any spelling, that another entry has).
     */
    public record QueueItem(UUID submissionId, String kind, String resourceId, String name, String status,
            int revision, String submitterName, String comment, Instant submittedAt, Instant receivedAt,
            JsonNode proposed, JsonNode patch, String claimedBy, Instant claimedAt, Instant decidedAt,
            String decidedBy, String decisionMessage, Integer resultingVersion, List<DuplicateView> duplicates,
            List<Check> checks) {

        static QueueItem of(QueueEntry e) {
            ReviewItem i = e.item();
            return new QueueItem(i.submissionId, i.kind, i.resourceId, e.name(), i.status, i.revision, i.submitterName,
                    i.comment, i.submittedAt, i.receivedAt, tree(i.proposed), tree(i.patch), i.claimedBy, i.claimedAt,
                    i.decidedAt, i.decidedBy, i.decisionMessage, i.resultingVersion,
                    e.duplicates().stream().map(DuplicateView::of).toList(), e.checks());
        }
    }

    /**
     * One submission with everything its review shows: the queue item, every round (the earlier ones with the
     * curator's decision on them), and for a correction the fields it changes against the current version.
     */
    public record Submission(UUID submissionId, String kind, String resourceId, String name, String status,
            int revision, String submitterName, String comment, Instant submittedAt, Instant receivedAt,
            JsonNode proposed, JsonNode patch, String claimedBy, Instant claimedAt, Instant decidedAt,
            String decidedBy, String decisionMessage, Integer resultingVersion, List<DuplicateView> duplicates,
            List<Check> checks, List<Change> changes, List<Change> changesSincePreviousRound, List<Round> rounds) {

        static Submission of(Review r) {
            ReviewItem i = r.item();
            return new Submission(i.submissionId, i.kind, i.resourceId, r.name(), i.status, i.revision, i.submitterName,
                    i.comment, i.submittedAt, i.receivedAt, tree(i.proposed), tree(i.patch), i.claimedBy, i.claimedAt,
                    i.decidedAt, i.decidedBy, i.decisionMessage, i.resultingVersion,
                    r.duplicates().stream().map(DuplicateView::of).toList(), r.checks(),
                    r.changes().stream().map(Change::of).toList(),
                    r.sinceLastRound().stream().map(Change::of).toList(),
                    r.rounds().stream().map(Round::of).toList());
        }
    }

    /** One round of a submission: what the contributor sent, and the decision on it (null while it waits). */
    public record Round(int revision, JsonNode proposed, JsonNode patch, String comment, String submitterName,
            Instant submittedAt, Instant receivedAt, String outcome, Instant decidedAt, String decidedBy,
            String decisionMessage) {

        static Round of(ReviewRound r) {
            return new Round(r.revision, tree(r.proposed), tree(r.patch), r.comment, r.submitterName, r.submittedAt,
                    r.receivedAt, r.outcome, r.decidedAt, r.decidedBy, r.decisionMessage);
        }
    }

    public record DuplicateView(String resourceId, String name, String url, String why) {
        static DuplicateView of(Duplicate d) {
            return new DuplicateView(d.resourceId(), d.name(), d.url(), d.why());
        }
    }

    /** A page of the queue: {@code next}/{@code previous} are the paths of the neighbouring pages (null at the ends). */
    public record Queue(Map<String, Long> counts, List<QueueItem> items, int page, int size, long total, String next,
            String previous) {
    }

    public record DecisionResult(UUID submissionId, String status, String resourceId, Integer resultingVersion) {
    }

    public record ResourceSummary(String id, String name, String url, String status, int currentVersion,
            Instant updatedAt) {

        static ResourceSummary of(ResourceHead h) {
            return new ResourceSummary(h.id, h.name, h.url, h.status, h.currentVersion, h.updatedAt);
        }
    }

    public record Version(String resourceId, int version, String status, Instant createdAt, String curator,
            String reason, UUID sourceSubmissionId, List<String> changedFields, String summary, JsonNode snapshot) {

        static Version of(VersionView v) {
            return new Version(v.row().resourceId, v.version(), v.row().status, v.row().createdAt, v.row().curator,
                    v.row().reason, v.row().sourceSubmissionId, v.changedFields(), v.row().summary,
                    ResourceJson.tree(v.snapshot()));
        }
    }

    public record Change(String field, Object before, Object after) {
        static Change of(FieldChange c) {
            return new Change(c.field(), c.before(), c.after());
        }
    }

    public record Diff(String resourceId, int from, int to, List<Change> changes) {
    }

    /** One audit entry: who ({@code actor}: a curator's user name, or "seed") did what to which subject, and when. */
    public record AuditItem(long id, Instant occurredAt, String actor, String action, String subject, String detail) {
        static AuditItem of(AuditEntry e) {
            return new AuditItem(e.id, e.occurredAt, e.actor, e.action, e.subject, e.detail);
        }
    }

    public record Audit(List<AuditItem> items, int page, int size, long total, String next, String previous) {
    }

    private static JsonNode tree(String json) {
        return json == null ? null : ResourceJson.tree(json);
    }
}
