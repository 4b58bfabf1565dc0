package org.imagingcatalog.curation.curating;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditEntry;
import org.imagingcatalog.curation.audit.AuditLog;
import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.curation.review.DuplicateFinder;
import org.imagingcatalog.curation.review.DuplicateFinder.Duplicate;
import org.imagingcatalog.curation.review.ReviewItem;
import org.imagingcatalog.curation.review.ReviewQueue;
import org.imagingcatalog.curation.security.CuratorGuard;
import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.Validated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Every curation action, called by both the HTML UI and the JSON API so the two never drift. Each action
 * checks the caller's permission once, first; each change commits together with its history, its audit
 * record and its outbox events, or not at all.
 */
@ApplicationScoped
public class CurationActions {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

    private final CuratorGuard guard;
    private final ReviewQueue queue;
    private final ResourceHistory history;
    private final DuplicateFinder duplicates;
    private final Outbox outbox;
    private final AuditLog audit;

    public CurationActions(CuratorGuard guard, ReviewQueue queue, ResourceHistory history, DuplicateFinder duplicates,
            Outbox outbox, AuditLog audit) {
        this.guard = guard;
        this.queue = queue;
        this.history = history;
        this.duplicates = duplicates;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * A queue item with what a curator needs to decide on it. {@code editable}: the curator may change the
     * proposed fields before accepting (not for a withdrawal, nor without a proposal).
     */
    public record Review(ReviewItem item, Resource proposal, VersionView current, List<FieldChange> changes,
            List<Duplicate> duplicates, boolean editable) {

        /** The id a correction keeps (it cannot be changed while reviewing), else null. */
        public String fixedId() {
            return SubmissionKind.CORRECTION.name().equals(item.kind) ? item.resourceId : null;
        }
    }

    /** What a stale edit shows: the curator's values next to the version saved meanwhile. */
    public record EditConflict(int yourBase, int current, List<FieldChange> differences) {
    }

    public record Decision(ReviewItem item, VersionView version) {
    }

    public record ResourcePage(ResourceHead head, List<VersionView> versions) {
    }

    // ---- reading

    public List<ReviewItem> queue(String kind, String status) {
        guard.requireCurator();
        return queue.list(kind, status);
    }

    public Map<String, Long> queueCounts() {
        guard.requireCurator();
        return queue.countsByStatus();
    }

    public ReviewItem submission(UUID submissionId) {
        guard.requireCurator();
        return queue.find(submissionId).orElseThrow(() -> noSubmission(submissionId));
    }

    /** Opens a queue item for review: a RECEIVED item becomes IN_REVIEW. */
    @Transactional
    public Review openForReview(UUID submissionId) {
        guard.requireCurator();
        ReviewItem item = queue.lock(submissionId).orElseThrow(() -> noSubmission(submissionId));
        if (SubmissionStatus.RECEIVED.name().equals(item.status)) {
            item.status = SubmissionStatus.IN_REVIEW.name();
        }
        return review(item);
    }

    public List<ResourceHead> resources() {
        guard.requireCurator();
        return history.heads();
    }

    public ResourcePage resource(String resourceId) {
        guard.requireCurator();
        ResourceHead head = history.head(resourceId).orElseThrow(() -> noResource(resourceId));
        return new ResourcePage(head, history.versions(resourceId));
    }

    public List<VersionView> versions(String resourceId) {
        return resource(resourceId).versions();
    }

    public VersionView version(String resourceId, int version) {
        guard.requireCurator();
        history.head(resourceId).orElseThrow(() -> noResource(resourceId));
        return history.version(resourceId, version).orElseThrow(() -> noVersion(resourceId, version));
    }

    /** Field-by-field changes from one version to another (any two, either order). */
    public List<FieldChange> diff(String resourceId, int from, int to) {
        guard.requireCurator();
        history.head(resourceId).orElseThrow(() -> noResource(resourceId));
        VersionView a = history.version(resourceId, from).orElseThrow(() -> noVersion(resourceId, from));
        VersionView b = history.version(resourceId, to).orElseThrow(() -> noVersion(resourceId, to));
        return ResourceHistory.changes(a.snapshot(), b.snapshot());
    }

    public List<AuditEntry> audit(String action, int limit) {
        guard.requireCurator();
        return audit.recent(action, limit);
    }

    // ---- deciding

    /**
     * Decides on a queue item. A whole form ({@link CuratorInput.Form}) counts only where the review offers
     * the fields ({@link Review#editable()}); elsewhere the proposal is accepted as it stands.
     */
    @Transactional
    public Decision decide(UUID submissionId, DecisionOutcome outcome, String message, CuratorInput input) {
        String curator = guard.requireCurator();
        if (outcome == null) {
            throw CurationProblem.invalidField("outcome", "Choose ACCEPT, REJECT or REQUEST_CHANGES.");
        }
        String text = message == null ? "" : message.strip();
        if (outcome != DecisionOutcome.ACCEPT && text.isEmpty()) {
            throw CurationProblem.invalidField("message", "Write a message to the contributor explaining this decision.");
        }
        requireMaxLength("message", text, Limits.MESSAGE_MAX);
        ReviewItem item = queue.lock(submissionId).orElseThrow(() -> noSubmission(submissionId));
        if (!item.isOpen()) {
            throw CurationProblem.conflict("Submission " + submissionId + " was already decided: " + item.status + ".");
        }
        CuratorInput edits = input instanceof CuratorInput.Form && !editable(item) ? CuratorInput.none() : input;
        VersionView version = outcome == DecisionOutcome.ACCEPT ? accept(item, text, edits, curator) : null;
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        item.status = outcome.resultingStatus().name();
        item.decidedAt = now;
        item.decidedBy = curator;
        item.decisionMessage = text.isEmpty() ? null : text;
        item.resultingVersion = version == null ? null : version.version();
        if (version != null) {
            item.resourceId = version.row().resourceId;
        }
        String resourceId = version == null ? item.resourceId : version.row().resourceId;
        outbox.append(SubmissionDecided.of(submissionId, outcome, item.decisionMessage, resourceId,
                item.resultingVersion, now));
        audit.record(curator, AuditAction.DECISION, "submission " + submissionId,
                outcome + " " + item.kind + (resourceId == null ? "" : " of " + resourceId)
                        + (version == null ? "" : " (version " + version.version() + ")")
                        + (text.isEmpty() ? "" : ": " + text));
        return new Decision(item, version);
    }

    private VersionView accept(ReviewItem item, String message, CuratorInput input, String curator) {
        SubmissionKind kind = SubmissionKind.valueOf(item.kind);
        String reason = !message.isEmpty() ? message
                : item.comment != null && !item.comment.isBlank() ? item.comment.strip()
                : "accepted submission " + item.submissionId;
        switch (kind) {
            case NEW -> {
                Resource candidate = candidate(ResourceJson.tree(item.proposed), input, null);
                if (history.head(candidate.id()).isPresent()) {
                    throw CurationProblem.conflict("A resource with id \"" + candidate.id() + "\" already exists.");
                }
                return history.create(candidate, curator, reason, item.submissionId);
            }
            case CORRECTION -> {
                ResourceHead head = history.lockHead(item.resourceId).orElseThrow(() -> gone(item));
                Resource candidate = candidate(ResourceJson.tree(item.proposed), input, head.id);
                return history.append(head, candidate, ResourceStatus.valueOf(head.status), curator, reason, item.submissionId)
                        .orElseGet(() -> history.current(head.id).orElseThrow());
            }
            case WITHDRAWAL -> {
                ResourceHead head = history.lockHead(item.resourceId).orElseThrow(() -> gone(item));
                if (ResourceStatus.WITHDRAWN.name().equals(head.status)) {
                    throw CurationProblem.conflict("Resource " + head.id + " is already withdrawn.");
                }
                VersionView current = history.current(head.id).orElseThrow();
                return history.append(head, current.snapshot(), ResourceStatus.WITHDRAWN, curator, reason,
                        item.submissionId).orElseThrow();
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    // ---- changing resources directly

    @Transactional
    public VersionView edit(String resourceId, Integer baseVersion, CuratorInput input, String reason) {
        String curator = guard.requireCurator();
        ResourceHead head = history.lockHead(resourceId).orElseThrow(() -> noResource(resourceId));
        if (baseVersion == null) {
            throw CurationProblem.preconditionRequired(resourceId, head.currentVersion);
        }
        if (baseVersion != head.currentVersion) {
            throw CurationProblem.stale(resourceId, baseVersion, head.currentVersion);
        }
        String why = reason == null || reason.isBlank() ? "direct edit" : reason.strip();
        requireMaxLength("reason", why, Limits.REASON_MAX);
        VersionView current = history.current(resourceId).orElseThrow();
        Resource candidate = candidate(ResourceJson.tree(current.snapshot()), input, resourceId);
        Optional<VersionView> next = history.append(head, candidate, ResourceStatus.valueOf(head.status), curator, why, null);
        next.ifPresent(v -> audit.record(curator, AuditAction.EDIT, resourceId,
                "version " + v.version() + ": " + v.row().summary + " (" + why + ")"));
        return next.orElse(current);
    }

    /** A stale edit's form next to the version that is current now (the page shows both; nothing is saved). */
    public EditConflict editConflict(String resourceId, int yourBase, Map<String, List<String>> form) {
        guard.requireCurator();
        VersionView current = history.current(resourceId).orElseThrow(() -> noResource(resourceId));
        Validated<Resource> yours = ResourceReader.fromForm(form);
        List<FieldChange> differences = yours.value() == null ? List.of()
                : ResourceHistory.changes(current.snapshot(), yours.value().withId(resourceId)
                        .withVersion(current.version(), current.snapshot().status()));
        return new EditConflict(yourBase, current.version(), differences);
    }

    @Transactional
    public VersionView revert(String resourceId, Integer toVersion, String reason) {
        String curator = guard.requireCurator();
        if (toVersion == null) {
            throw CurationProblem.invalidField("toVersion", "Choose the version to revert to.");
        }
        String why = requireReason(reason);
        ResourceHead head = history.lockHead(resourceId).orElseThrow(() -> noResource(resourceId));
        VersionView target = history.version(resourceId, toVersion).orElseThrow(
                () -> CurationProblem.invalidField("toVersion", "Resource " + resourceId + " has no version " + toVersion + "."));
        VersionView next = history.append(head, target.snapshot(), ResourceStatus.valueOf(head.status), curator,
                "reverted to version " + toVersion + ": " + why, null)
                .orElseThrow(() -> CurationProblem.conflict("The current version already has the content of version "
                        + toVersion + "; nothing to revert."));
        audit.record(curator, AuditAction.REVERT, resourceId, "version " + next.version() + " = version " + toVersion + ": " + why);
        return next;
    }

    @Transactional
    public VersionView withdraw(String resourceId, String reason) {
        return changeStatus(resourceId, reason, ResourceStatus.WITHDRAWN, AuditAction.WITHDRAW);
    }

    @Transactional
    public VersionView restore(String resourceId, String reason) {
        return changeStatus(resourceId, reason, ResourceStatus.ACTIVE, AuditAction.RESTORE);
    }

    private VersionView changeStatus(String resourceId, String reason, ResourceStatus status, AuditAction action) {
        String curator = guard.requireCurator();
        String why = requireReason(reason);
        ResourceHead head = history.lockHead(resourceId).orElseThrow(() -> noResource(resourceId));
        if (status.name().equals(head.status)) {
            throw CurationProblem.conflict("Resource " + resourceId + " is already " + status.name().toLowerCase() + ".");
        }
        VersionView current = history.current(resourceId).orElseThrow();
        VersionView next = history.append(head, current.snapshot(), status, curator, why, null).orElseThrow();
        audit.record(curator, action, resourceId, "version " + next.version() + ": " + why);
        return next;
    }

    // ---- helpers

    private Review review(ReviewItem item) {
        Resource proposal = item.proposed == null ? null : ResourceJson.read(item.proposed);
        VersionView current = item.resourceId == null ? null : history.current(item.resourceId).orElse(null);
        List<FieldChange> changes = List.of();
        if (proposal != null && current != null && SubmissionKind.CORRECTION.name().equals(item.kind)) {
            changes = ResourceHistory.changes(current.snapshot(), proposal.withId(current.snapshot().id())
                    .withVersion(current.version(), current.snapshot().status()));
        }
        List<Duplicate> found = proposal == null || SubmissionKind.WITHDRAWAL.name().equals(item.kind)
                ? List.of()
                : duplicates.likelyDuplicates(item.resourceId, proposal.name(), proposal.url());
        return new Review(item, proposal, current, changes, found, editable(item));
    }

    /** A curator may edit what a submission proposes before accepting it, unless it proposes nothing or a withdrawal. */
    private static boolean editable(ReviewItem item) {
        return item.proposed != null && !SubmissionKind.WITHDRAWAL.name().equals(item.kind);
    }

    /** The resource the curator accepts: the base with the curator's input, id fixed or derived, validated. */
    private Resource candidate(JsonNode base, CuratorInput input, String fixedId) {
        Validated<Resource> read;
        if (input instanceof CuratorInput.Form form) {
            Map<String, List<String>> fields = new HashMap<>(form.fields());
            if (fixedId != null) {
                fields.put("id", List.of(fixedId));
            } else if (blank(fields.get("id"))) {
                String name = blank(fields.get("name")) ? "" : fields.get("name").get(0);
                fields.put("id", List.of(Slugs.fromName(name)));
            }
            read = ResourceJson.fromForm(fields);
        } else {
            JsonNode edits = input instanceof CuratorInput.JsonEdits json ? json.edits() : null;
            ObjectNode merged = ResourceJson.overlay(base, edits);
            merged.remove("version");
            merged.remove("status");
            if (fixedId != null) {
                merged.put("id", fixedId);
            } else if (!merged.hasNonNull("id") || merged.get("id").asText().isBlank()) {
                merged.put("id", Slugs.fromName(merged.path("name").asText("")));
            }
            read = ResourceJson.fromJson(merged);
        }
        if (!read.isValid()) {
            throw CurationProblem.invalid(read.errors());
        }
        return read.value();
    }

    private static boolean blank(List<String> values) {
        return values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank();
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw CurationProblem.invalidField("reason", "Give a reason; it is shown in the history.");
        }
        requireMaxLength("reason", reason.strip(), Limits.REASON_MAX);
        return reason.strip();
    }

    private static void requireMaxLength(String field, String value, int max) {
        if (value.length() > max) {
            throw CurationProblem.invalidField(field, "At most " + max + " characters.");
        }
        // line breaks and tabs are fine in a message; other control characters (NUL above all, which the
        // database cannot store) are not text
        if (CONTROL.matcher(value).find()) {
            throw CurationProblem.invalidField(field, "Must not contain control characters.");
        }
    }

    private static CurationProblem noSubmission(UUID id) {
        return CurationProblem.notFound("No submission " + id + " in the review queue.");
    }

    /** A correction or withdrawal of a resource the catalog does not hold cannot be accepted, only rejected. */
    private static CurationProblem gone(ReviewItem item) {
        return CurationProblem.conflict("The catalog has no resource \"" + item.resourceId + "\" to "
                + (SubmissionKind.WITHDRAWAL.name().equals(item.kind) ? "withdraw" : "correct") + "; reject this submission.");
    }

    private static CurationProblem noResource(String id) {
        return CurationProblem.notFound("No resource " + id + ".");
    }

    private static CurationProblem noVersion(String resourceId, int version) {
        return CurationProblem.notFound("Resource " + resourceId + " has no version " + version + ".");
    }
}
