package org.imagingcatalog.curation.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.curation.review.ReviewItem;
import org.imagingcatalog.model.diff.FieldChange;

import com.fasterxml.jackson.databind.JsonNode;

/** The JSON shapes of the curation API. Resources appear exactly as the contract's resource JSON. */
public final class ApiViews {

    private ApiViews() {
    }

    public record QueueItem(UUID submissionId, String kind, String resourceId, String status, String submitterName,
            String comment, Instant submittedAt, Instant receivedAt, JsonNode proposed, Instant decidedAt,
            String decidedBy, String decisionMessage, Integer resultingVersion) {

        static QueueItem of(ReviewItem i) {
            return new QueueItem(i.submissionId, i.kind, i.resourceId, i.status, i.submitterName, i.comment,
                    i.submittedAt, i.receivedAt, i.proposed == null ? null : ResourceJson.tree(i.proposed),
                    i.decidedAt, i.decidedBy, i.decisionMessage, i.resultingVersion);
        }
    }

    public record Queue(Map<String, Long> counts, List<QueueItem> items) {
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
}
