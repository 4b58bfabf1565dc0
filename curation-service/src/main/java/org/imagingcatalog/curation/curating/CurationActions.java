package org.imagingcatalog.curation.curating;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.imagingcatalog.curation.audit.AuditAction;
import org.imagingcatalog.curation.audit.AuditEntry;
import org.imagingcatalog.curation.audit.AuditLog;
import org.imagingcatalog.curation.audit.AuditQuery;
import org.imagingcatalog.curation.catalog.ResourceJson;
import org.imagingcatalog.curation.history.ResourceHead;
import org.imagingcatalog.curation.history.ResourceHistory;
import org.imagingcatalog.curation.history.ResourceHistory.VersionView;
import org.imagingcatalog.curation.metrics.DecisionTimes;
import org.imagingcatalog.curation.review.CatalogChecks;
import org.imagingcatalog.curation.review.CatalogChecks.Check;
import org.imagingcatalog.curation.review.DuplicateFinder;
import org.imagingcatalog.curation.review.DuplicateFinder.Duplicate;
import org.imagingcatalog.curation.review.ReviewItem;
import org.imagingcatalog.curation.review.ReviewQueue;
import org.imagingcatalog.curation.review.ReviewRound;
import org.imagingcatalog.curation.security.CuratorGuard;
import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.DecisionOutcome;
import org.imagingcatalog.model.Limits;
import org.imagingcatalog.model.Modality;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.ResourceStatus;
import org.imagingcatalog.model.Slugs;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.diff.FieldChange;
import org.imagingcatalog.model.events.SubmissionDecided;
import org.imagingcatalog.model.identity.CatalogIdentity;
import org.imagingcatalog.model.patch.MergePatch;
import org.imagingcatalog.model.trust.Identifier;
import org.imagingcatalog.model.trust.Relation;
import org.imagingcatalog.model.trust.RiskDomain;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.model.validation.ResourceFields;
import org.imagingcatalog.model.validation.ResourceReader;
import org.imagingcatalog.model.validation.TrustForm;
import org.imagingcatalog.model.validation.ResourceValidator;
import org.imagingcatalog.model.validation.Validated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Every curation action, called by both the HTML UI and the JSON API so the two never drift. Each action
 * checks the caller's permission once, first; each change commits together with its history, its audit
 * record and its outbox events, or not at all.
 *
 * <p>A CORRECTION that carries a JSON Merge Patch is reviewed and accepted against the version current at
 * that moment: only the fields it names change (plus the curator's own edits on top). A correction written
 * before patches existed carries the whole resource, which replaces every field as it always did.
 */
@ApplicationScoped
public class CurationActions {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** The longest reason a published version carries (the entry event's schema). */
    private static final int VERSION_REASON_MAX = 5000;
    /** The form field of "verified today by me": one value per ticked provenance row, the row's index (0, 1, ...). */
    public static final String VERIFIED_NOW = "provenance.verifiedNow";

    private final CuratorGuard guard;
    private final ReviewQueue queue;
    private final ResourceHistory history;
    private final DuplicateFinder duplicates;
    private final Outbox outbox;
    private final AuditLog audit;
    private final DecisionTimes decisionTimes;
    /** The unreachable-address finding of a proposal (link health checks each proposal's address once). */
    @jakarta.inject.Inject
    org.imagingcatalog.curation.linkhealth.ProposalLinkFindings linkFindings;

    public CurationActions(CuratorGuard guard, ReviewQueue queue, ResourceHistory history, DuplicateFinder duplicates,
            Outbox outbox, AuditLog audit, DecisionTimes decisionTimes) {
        this.guard = guard;
        this.queue = queue;
        this.history = history;
        this.duplicates = duplicates;
        this.outbox = outbox;
        this.audit = audit;
        this.decisionTimes = decisionTimes;
    }

    /**
     * A queue item as the queue lists it: the name it proposes (or the entry it concerns), likely duplicates, and
     * the automated checks (an address or identifier already in the catalog, what the proposal says against itself).
     */
    public record QueueEntry(ReviewItem item, String name, List<Duplicate> duplicates, List<Check> checks) {

        public long inCatalogCount() {
            return checks.stream().filter(Check::inCatalog).count();
        }

        public long selfCheckCount() {
            return checks.size() - inCatalogCount();
        }
    }

    /**
     * A queue item with what a curator needs to decide on it. {@code proposal}: the resource as accepting would
     * publish it (for a patch, applied to the current version), null if there is none or it cannot be built
     * ({@code proposalErrors} then say why). {@code changes}: for a correction, each field it changes (for a patch,
     * exactly the fields the patch names), current value and proposed value. {@code editable}: the curator may
     * change the fields before accepting. {@code rounds}: every round of the submission; {@code sinceLastRound}:
     * how this round's proposal differs from the previous round's; {@code checks}: the automated findings (an
     * address or identifier of the proposal already in the catalog, with the entry that has it; counts or flags the
     * proposal contradicts itself with).
     */
    public record Review(ReviewItem item, String name, Resource proposal, List<FieldError> proposalErrors,
            VersionView current, List<FieldChange> changes, List<Duplicate> duplicates, boolean editable,
            List<ReviewRound> rounds, List<FieldChange> sinceLastRound, List<Check> checks) {

        /** The checks that name an entry already in the catalog (its address, identifier or a name like it). */
        public List<Check> inCatalogChecks() {
            return checks.stream().filter(Check::inCatalog).toList();
        }

        /**
         * The checks about the proposal alone: counts or flags that contradict each other or the description, a
         * licence that is no SPDX id, an address that did not answer.
         */
        public List<Check> selfChecks() {
            return checks.stream().filter(c -> !c.inCatalog()).toList();
        }

        /** The id a correction keeps (it cannot be changed while reviewing), else null. */
        public String fixedId() {
            return SubmissionKind.CORRECTION.name().equals(item.kind) ? item.resourceId : null;
        }

        /** Whether this correction is a JSON Merge Patch (it changes only the fields it names). */
        public boolean isPatch() {
            return item.patch != null;
        }

        /** The version the page shows the proposal against (0 if none). */
        public int currentVersion() {
            return current == null ? 0 : current.version();
        }

        /** The round before this one (null in round 1). */
        public ReviewRound previousRound() {
            return rounds.stream().filter(r -> r.revision == item.revision - 1).findFirst().orElse(null);
        }

        /** The rounds before the current one, newest first. */
        public List<ReviewRound> earlierRounds() {
            return rounds.stream().filter(r -> r.revision < item.revision)
                    .sorted((a, b) -> Integer.compare(b.revision, a.revision)).toList();
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

    /** One page of the queue, newest first, each item with its name and likely duplicates. */
    public Paged<QueueEntry> queue(String kind, String status, Paging paging) {
        guard.requireCurator();
        List<ReviewItem> items = queue.list(kind, status, paging.offset(), paging.size());
        long total = queue.count(kind, status);
        List<ResourceHead> heads = history.heads();
        Map<String, ResourceHead> byId = heads.stream().collect(Collectors.toMap(h -> h.id, Function.identity()));
        boolean anyUndecided = items.stream().anyMatch(CurationActions::undecided);
        List<Resource> catalog = anyUndecided ? history.currentSnapshots() : List.of();
        Map<String, Resource> snapshots = catalog.stream().collect(Collectors.toMap(Resource::id, Function.identity()));
        CatalogIdentity identity = CatalogIdentity.of(catalog);
        List<QueueEntry> entries = new ArrayList<>(items.size());
        for (ReviewItem item : items) {
            Naming naming = naming(item, item.resourceId == null ? null : byId.get(item.resourceId));
            Resource current = item.resourceId == null ? null : snapshots.get(item.resourceId);
            List<Duplicate> duplicatesOfItem = likelyDuplicates(item, naming, heads);
            entries.add(new QueueEntry(item, naming.name(), duplicatesOfItem,
                    linkFindings.with(item, checks(item, identity, current, duplicatesOfItem))));
        }
        return new Paged<>(entries, total, paging);
    }

    public Map<String, Long> queueCounts() {
        guard.requireCurator();
        return queue.countsByStatus();
    }

    /** A queue item for review. Reading it changes nothing (claiming is {@link #claim(UUID)}). */
    public Review review(UUID submissionId) {
        guard.requireCurator();
        return review(queue.find(submissionId).orElseThrow(() -> noSubmission(submissionId)));
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

    /** The whole audit log, for the API: catalog-admin only. */
    public Paged<AuditEntry> auditLog(AuditQuery query, Paging paging) {
        guard.requireCatalogAdmin();
        return new Paged<>(audit.find(query, paging.offset(), paging.size()), audit.count(query), paging);
    }

    /** The audit page: curators and catalog-admin. */
    public Paged<AuditEntry> auditPage(AuditQuery query, Paging paging) {
        guard.requireCuratorOrAdmin();
        return new Paged<>(audit.find(query, paging.offset(), paging.size()), audit.count(query), paging);
    }

    // ---- claiming and deciding

    /**
     * Claims a review: the item is IN_REVIEW, shown as claimed by this curator. Claiming again is harmless;
     * claiming an item another curator claimed takes it over (recorded in the audit log). Decisions need no claim.
     */
    @Transactional
    public ReviewItem claim(UUID submissionId) {
        String curator = guard.requireCurator();
        ReviewItem item = queue.lock(submissionId).orElseThrow(() -> noSubmission(submissionId));
        if (item.isRevising()) {
            throw CurationProblem.conflict(revising(item));
        }
        if (!item.isOpen()) {
            throw CurationProblem.conflict("Submission " + submissionId + " was already decided: " + item.status
                    + "; there is nothing to claim.");
        }
        if (curator.equals(item.claimedBy)) {
            return item;
        }
        String previous = item.claimedBy;
        item.status = SubmissionStatus.IN_REVIEW.name();
        item.claimedBy = curator;
        item.claimedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        audit.record(curator, AuditAction.CLAIM, "submission " + submissionId, "revision " + item.revision
                + (previous == null ? " claimed" : " taken over from " + previous));
        return item;
    }

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
        if (item.isRevising()) {
            throw CurationProblem.conflict(revising(item));
        }
        if (!item.isOpen()) {
            throw CurationProblem.conflict("Submission " + submissionId + " was already decided: " + item.status + ".");
        }
        boolean offersFields = !SubmissionKind.WITHDRAWAL.name().equals(item.kind)
                && (item.proposed != null || item.patch != null);
        CuratorInput edits = input instanceof CuratorInput.Form && !offersFields ? CuratorInput.none()
                : verifiedNow(input, curator);
        VersionView version = outcome == DecisionOutcome.ACCEPT ? accept(item, text, edits, curator) : null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        item.status = outcome.resultingStatus().name();
        item.decidedAt = now;
        item.decidedBy = curator;
        item.decisionMessage = text.isEmpty() ? null : text;
        item.resultingVersion = version == null ? null : version.version();
        if (version != null) {
            item.resourceId = version.row().resourceId;
        }
        queue.recordDecision(item, outcome.name(), now, curator, item.decisionMessage);
        decisionTimes.decided(item.submittedAt, now);
        String resourceId = version == null ? item.resourceId : version.row().resourceId;
        outbox.append(SubmissionDecided.of(submissionId, outcome, item.decisionMessage, resourceId,
                item.resultingVersion, now));
        audit.record(curator, AuditAction.DECISION, "submission " + submissionId,
                outcome + " " + item.kind + (item.revision > 1 ? " revision " + item.revision : "")
                        + (resourceId == null ? "" : " of " + resourceId)
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
                VersionView current = history.current(head.id).orElseThrow();
                Resource candidate = item.patch == null
                        ? candidate(ResourceJson.withUnmentionedTrust(ResourceJson.tree(item.proposed), current.snapshot()),
                                input, head.id)
                        : patched(head.id, current, ResourceJson.tree(item.patch), input);
                return history.append(head, candidate, ResourceStatus.valueOf(head.status), curator, reason, item.submissionId)
                        .orElse(current);
            }
            case WITHDRAWAL -> {
                ResourceHead head = history.lockHead(item.resourceId).orElseThrow(() -> gone(item));
                if (ResourceStatus.WITHDRAWN.name().equals(head.status)) {
                    throw CurationProblem.conflict("Resource " + head.id + " is already withdrawn.");
                }
                VersionView current = history.current(head.id).orElseThrow();
                return history.append(head, current.snapshot(), ResourceStatus.WITHDRAWN, curator,
                        withdrawalReason(item, message), item.submissionId).orElseThrow();
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    /**
     * A patch correction accepted: the patch applied to the version current now, and the curator's edits on top.
     * From the review form, the curator's edits are what they changed against the proposal the page showed, so a
     * field someone else changed meanwhile, and that neither the patch nor the curator names, stays as it is now.
     */
    private Resource patched(String resourceId, VersionView current, JsonNode patch, CuratorInput input) {
        Resource proposal = applyPatch(current.snapshot(), patch, "proposed");
        if (!(input instanceof CuratorInput.Form form)) {
            return candidate(ResourceJson.tree(proposal), input, resourceId);
        }
        Resource shown = proposal;
        if (form.shownVersion() != null && form.shownVersion() != current.version()) {
            Optional<VersionView> then = history.version(resourceId, form.shownVersion());
            if (then.isPresent()) {
                Validated<Resource> wasProposed = MergePatch.applyTo(then.get().snapshot(), patch);
                shown = wasProposed.isValid() ? wasProposed.value() : shown;
            }
        }
        // trust fields the form does not carry are the ones the page showed: unchanged by the curator
        Resource yours = candidate(ResourceJson.tree(shown), form, resourceId);
        Validated<Resource> result = MergePatch.applyTo(proposal, MergePatch.between(shown, yours));
        if (!result.isValid()) {
            throw CurationProblem.invalid(result.errors());
        }
        return result.value();
    }

    /** The contributor's reason for a withdrawal, with the curator's message beside it. */
    private static String withdrawalReason(ReviewItem item, String message) {
        String contributor = item.comment == null || item.comment.isBlank() ? null : item.comment.strip();
        String reason;
        if (contributor == null) {
            reason = message.isEmpty() ? "withdrawn at the contributor's request (submission " + item.submissionId + ")"
                    : message;
        } else {
            reason = message.isEmpty() ? contributor : contributor + " (curator: " + message + ")";
        }
        return reason.length() <= VERSION_REASON_MAX ? reason : reason.substring(0, VERSION_REASON_MAX - 1) + "…";
    }

    // ---- changing resources directly

    /** A direct edit with the resource's fields (PUT, the edit form): If-Match, then a reason, then valid fields. */
    @Transactional
    public VersionView edit(String resourceId, Integer baseVersion, CuratorInput input, String reason) {
        String curator = guard.requireCurator();
        ResourceHead head = lockForEdit(resourceId, baseVersion);
        List<FieldError> errors = new ArrayList<>(reasonErrors(reason));
        VersionView current = history.current(resourceId).orElseThrow();
        Validated<Resource> candidate = read(ResourceJson.tree(current.snapshot()), verifiedNow(input, curator), resourceId);
        errors.addAll(candidate.errors());
        if (!errors.isEmpty()) {
            throw CurationProblem.invalid(errors);
        }
        return saveEdit(head, current, candidate.value(), curator, reason.strip());
    }

    /**
     * A direct edit as a JSON Merge Patch (RFC 7396): only the fields the patch names change, {@code null}
     * clears one. If-Match, then a reason, then a patch that applies (every bad field named).
     */
    @Transactional
    public VersionView patch(String resourceId, Integer baseVersion, JsonNode patch, String reason) {
        String curator = guard.requireCurator();
        ResourceHead head = lockForEdit(resourceId, baseVersion);
        List<FieldError> errors = new ArrayList<>(reasonErrors(reason));
        if (patch != null && patch.has("version")) {
            errors.add(new FieldError("version", "is set by the service: send the version your patch is based on in If-Match"));
        }
        if (patch != null && patch.has("status")) {
            errors.add(new FieldError("status", "cannot be patched: withdraw or restore the resource instead"));
        }
        ObjectNode fields = patch != null && patch.isObject() ? ((ObjectNode) patch).deepCopy() : null;
        if (fields != null) {
            fields.remove("version");
            fields.remove("status");
        }
        VersionView current = history.current(resourceId).orElseThrow();
        Validated<Resource> applied = MergePatch.applyTo(current.snapshot(), fields);
        if (applied.value() != null) {
            // the patched whole must keep the contract's rules, as a PUT's body must
            applied = applied.with(ResourceValidator.validate(applied.value(), true));
        }
        errors.addAll(applied.errors());
        if (!errors.isEmpty()) {
            throw CurationProblem.invalid(errors);
        }
        return saveEdit(head, current, applied.value(), curator, reason.strip());
    }

    private ResourceHead lockForEdit(String resourceId, Integer baseVersion) {
        ResourceHead head = history.lockHead(resourceId).orElseThrow(() -> noResource(resourceId));
        if (baseVersion == null) {
            throw CurationProblem.preconditionRequired(resourceId, head.currentVersion);
        }
        if (baseVersion != head.currentVersion) {
            throw CurationProblem.stale(resourceId, baseVersion, head.currentVersion);
        }
        return head;
    }

    private VersionView saveEdit(ResourceHead head, VersionView current, Resource candidate, String curator, String why) {
        Optional<VersionView> next = history.append(head, candidate, ResourceStatus.valueOf(head.status), curator, why, null);
        next.ifPresent(v -> audit.record(curator, AuditAction.EDIT, head.id,
                "version " + v.version() + ": " + v.row().summary + " (" + why + ")"));
        return next.orElse(current);
    }

    /** A stale edit's form next to the version that is current now (the page shows both; nothing is saved). */
    public EditConflict editConflict(String resourceId, int yourBase, Map<String, List<String>> form) {
        guard.requireCurator();
        VersionView current = history.current(resourceId).orElseThrow(() -> noResource(resourceId));
        Validated<Resource> yours = ResourceReader.fromForm(form, current.snapshot());
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
        VersionView current = item.resourceId == null ? null : history.current(item.resourceId).orElse(null);
        Resource base = current == null ? null : current.snapshot();
        Validated<Resource> proposal = proposal(item.kind, item.proposed, item.patch, base);
        List<FieldChange> changes = List.of();
        if (SubmissionKind.CORRECTION.name().equals(item.kind) && current != null) {
            if (item.patch != null) {
                JsonNode after = proposal.value() != null ? ResourceJson.tree(proposal.value().content())
                        : ResourceJson.tree(item.patch);
                changes = namedChanges(base, after, MergePatch.namedFields(ResourceJson.tree(item.patch)));
            } else if (proposal.value() != null) {
                changes = ResourceHistory.changes(base, proposal.value().withId(base.id())
                        .withVersion(current.version(), base.status()));
            }
        }
        List<ReviewRound> rounds = queue.rounds(item.submissionId);
        List<FieldChange> sinceLastRound = List.of();
        for (ReviewRound previous : rounds) {
            if (previous.revision == item.revision - 1) {
                Resource before = proposal(item.kind, previous.proposed, previous.patch, base).value();
                Resource after = proposal.value();
                if (after != null) {
                    sinceLastRound = ResourceHistory.changes(before == null ? null : before.content(), after.content());
                }
            }
        }
        Naming naming = naming(item, item.resourceId == null ? null : history.head(item.resourceId).orElse(null));
        boolean editable = item.isOpen() && proposal.value() != null && !SubmissionKind.WITHDRAWAL.name().equals(item.kind);
        List<Duplicate> duplicatesOfItem = likelyDuplicates(item, naming, history.heads());
        List<Check> checks = proposal.value() == null || !undecided(item) ? List.of()
                : CatalogChecks.of(CatalogIdentity.of(history.currentSnapshots()), proposal.value(), base, duplicatesOfItem);
        return new Review(item, naming.name(), proposal.value(), proposal.errors(), current, changes,
                duplicatesOfItem, editable, rounds, sinceLastRound, linkFindings.with(item, checks));
    }

    /** Whether the item still waits for a decision (open, or back with the contributor): only then are checks shown. */
    private static boolean undecided(ReviewItem item) {
        return item.isOpen() || item.isRevising();
    }

    /** The automated checks of a queue item; none once decided, or where its proposal cannot be read. */
    private static List<Check> checks(ReviewItem item, CatalogIdentity identity, Resource current,
            List<Duplicate> duplicates) {
        if (!undecided(item)) {
            return List.of();
        }
        try {
            return CatalogChecks.of(identity, proposal(item.kind, item.proposed, item.patch, current).value(), current,
                    duplicates);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** What a round proposes, as a whole resource: a NEW proposal, a legacy correction, or a patch applied to {@code base}. */
    private static Validated<Resource> proposal(String kind, String proposed, String patch, Resource base) {
        if (SubmissionKind.WITHDRAWAL.name().equals(kind)) {
            return new Validated<>(null, List.of());
        }
        if (patch != null) {
            if (base == null) {
                return new Validated<>(null, List.of());
            }
            return MergePatch.applyTo(base, ResourceJson.tree(patch)).prefixed("proposed");
        }
        if (proposed == null) {
            return new Validated<>(null, List.of());
        }
        if (SubmissionKind.CORRECTION.name().equals(kind) && base != null) {
            return new Validated<>(ResourceJson.lenient(ResourceJson.withUnmentionedTrust(ResourceJson.tree(proposed), base)),
                    List.of());
        }
        return new Validated<>(ResourceJson.read(proposed), List.of());
    }

    private static Resource applyPatch(Resource base, JsonNode patch, String prefix) {
        Validated<Resource> applied = MergePatch.applyTo(base, patch).prefixed(prefix);
        if (!applied.isValid()) {
            throw CurationProblem.invalid(applied.errors());
        }
        return applied.value();
    }

    /** One row per field a patch names (e.g. counts.patients): the current value and the proposed one. */
    private static List<FieldChange> namedChanges(Resource current, JsonNode after, Set<String> named) {
        JsonNode before = ResourceJson.tree(current.content());
        List<FieldChange> rows = new ArrayList<>();
        for (String field : named.stream().sorted(CurationActions::inFieldOrder).toList()) {
            rows.add(new FieldChange(field, value(before, field), value(after, field)));
        }
        return rows;
    }

    private static final Map<String, List<String>> MEMBER_ORDER = Map.of(
            "modalities", Arrays.stream(Modality.values()).map(Modality::key).toList(),
            "counts", ResourceFields.COUNTS,
            "riskOfBias", Stream.concat(Arrays.stream(RiskDomain.values()).map(RiskDomain::key), Stream.of("risk", "reason"))
                    .toList(),
            "provenance", List.of("source", "verifiedOn", "verifiedBy"));

    /**
     * The contract's order of fields (a patch's own order is lost in storage): top-level fields as a resource lists
     * them, then members (CT before X-ray, patients before images, risk before reason, source before verified on),
     * provenance paths alphabetically.
     */
    private static int inFieldOrder(String a, String b) {
        String[] x = a.split("\\.", 2);
        String[] y = b.split("\\.", 2);
        int top = Integer.compare(rank(ResourceFields.TOP_LEVEL, x[0]), rank(ResourceFields.TOP_LEVEL, y[0]));
        if (top != 0 || x.length == 1 || y.length == 1) {
            return top != 0 ? top : Integer.compare(x.length, y.length);
        }
        String restA = x[1];
        String restB = y[1];
        if (x[0].equals("provenance")) {
            String pathA = restA.contains(".") ? restA.substring(0, restA.lastIndexOf('.')) : restA;
            String pathB = restB.contains(".") ? restB.substring(0, restB.lastIndexOf('.')) : restB;
            if (!pathA.equals(pathB)) {
                return pathA.compareTo(pathB);
            }
        }
        String[] partsA = restA.split("\\.");
        String[] partsB = restB.split("\\.");
        for (int i = 0; i < Math.min(partsA.length, partsB.length); i++) {
            List<String> order = MEMBER_ORDER.getOrDefault(x[0], List.of());
            int c = Integer.compare(rank(order, partsA[i]), rank(order, partsB[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(partsA.length, partsB.length);
    }

    private static int rank(List<String> order, String name) {
        int i = order.indexOf(name);
        return i < 0 ? order.size() : i;
    }

    private static Object value(JsonNode tree, String path) {
        JsonNode node = member(tree, path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(n.isTextual() ? n.asText() : item(path, n)));
            return items;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isObject() && node.has("risk")) {
            return node.path("risk").asText() + (node.hasNonNull("reason") ? ": " + node.get("reason").asText() : "");
        }
        if (node.isObject() && node.has("source")) {
            return node.path("source").asText() + (node.hasNonNull("verifiedOn") ? ", verified on "
                    + node.get("verifiedOn").asText() : "") + (node.hasNonNull("verifiedBy") ? " by "
                    + node.get("verifiedBy").asText() : "");
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    /**
     * The member a dotted path names; a member's own name may hold dots (a provenance entry such as
     * {@code counts.patients}), so the longest name that fits is taken at each level.
     */
    private static JsonNode member(JsonNode node, String path) {
        if (path.isEmpty() || node == null || !node.isObject()) {
            return path.isEmpty() ? node : null;
        }
        String best = null;
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if ((path.equals(name) || path.startsWith(name + ".")) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best == null ? null : member(node.get(best), path.substring(Math.min(path.length(), best.length() + 1)));
    }

    /** A list item as the history shows it: a relation as "IsDerivedFrom target (note)", an identifier as "doi 10.x/y". */
    private static String item(String path, JsonNode item) {
        try {
            if (path.equals("relations")) {
                return ResourceJson.mapper().treeToValue(item, Relation.class).toString();
            }
            if (path.equals("identifiers")) {
                return ResourceJson.mapper().treeToValue(item, Identifier.class).toString();
            }
        } catch (IOException | IllegalArgumentException e) {
            // shown as the JSON it is
        }
        return item.toString();
    }

    /** The name and URL a queue item is about, for its row and the duplicate check. */
    private record Naming(String name, String url, boolean checkDuplicates) {
    }

    private static Naming naming(ReviewItem item, ResourceHead head) {
        JsonNode proposed = item.proposed == null ? null : ResourceJson.tree(item.proposed);
        JsonNode patch = item.patch == null ? null : ResourceJson.tree(item.patch);
        String name = null;
        String url = null;
        if (SubmissionKind.NEW.name().equals(item.kind)) {
            name = text(proposed, "name");
            url = text(proposed, "url");
        } else if (SubmissionKind.CORRECTION.name().equals(item.kind)) {
            JsonNode source = patch != null ? patch : proposed;
            name = text(source, "name");
            url = text(source, "url");
            if (name == null && head != null) {
                name = head.name;
            }
            if (url == null && head != null) {
                url = head.url;
            }
        } else if (head != null) {
            name = head.name;
        }
        boolean check = !SubmissionKind.WITHDRAWAL.name().equals(item.kind) && (name != null || url != null);
        return new Naming(name != null ? name : item.resourceId != null ? item.resourceId : "(no name given)", url, check);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private List<Duplicate> likelyDuplicates(ReviewItem item, Naming naming, List<ResourceHead> heads) {
        return naming.checkDuplicates()
                ? duplicates.likelyDuplicates(item.resourceId, naming.name(), naming.url(), heads)
                : List.of();
    }

    /** The resource the curator accepts: the base with the curator's input, id fixed or derived, validated. */
    private Resource candidate(JsonNode base, CuratorInput input, String fixedId) {
        Validated<Resource> read = read(base, input, fixedId);
        if (!read.isValid()) {
            throw CurationProblem.invalid(read.errors());
        }
        return read.value();
    }

    /**
     * The resource the curator's input makes of {@code base}. A form replaces every field it carries; a trust field
     * it does not carry at all keeps {@code base}'s value (so no form can erase trust fields it does not show).
     */
    private static Validated<Resource> read(JsonNode base, CuratorInput input, String fixedId) {
        if (input instanceof CuratorInput.Form form) {
            Map<String, List<String>> fields = new HashMap<>(form.fields());
            if (fixedId != null) {
                fields.put("id", List.of(fixedId));
            } else if (blank(fields.get("id"))) {
                String name = blank(fields.get("name")) ? "" : fields.get("name").get(0);
                fields.put("id", List.of(Slugs.fromName(name)));
            }
            return ResourceJson.fromForm(fields, ResourceJson.lenient(base));
        }
        JsonNode edits = input instanceof CuratorInput.JsonEdits json ? json.edits() : null;
        ObjectNode merged = ResourceJson.overlay(base, edits);
        merged.remove("version");
        merged.remove("status");
        if (fixedId != null) {
            merged.put("id", fixedId);
        } else if (!merged.hasNonNull("id") || merged.get("id").asText().isBlank()) {
            merged.put("id", Slugs.fromName(merged.path("name").asText("")));
        }
        return ResourceJson.fromJson(merged);
    }

    /**
     * A form's "verified today by me" ticks ({@link #VERIFIED_NOW}, one value per ticked provenance row: the row's
     * index) made into that row's day (today, UTC) and verifier (the curator).
     */
    private static CuratorInput verifiedNow(CuratorInput input, String curator) {
        if (!(input instanceof CuratorInput.Form form) || !form.fields().containsKey(VERIFIED_NOW)) {
            return input;
        }
        Map<String, List<String>> fields = new HashMap<>(form.fields());
        List<String> ticked = fields.remove(VERIFIED_NOW);
        int rows = Stream.of(TrustForm.PROVENANCE_FIELD, TrustForm.PROVENANCE_SOURCE, TrustForm.PROVENANCE_VERIFIED_ON,
                TrustForm.PROVENANCE_VERIFIED_BY).mapToInt(n -> fields.getOrDefault(n, List.of()).size()).max().orElse(0);
        List<String> on = padded(fields.get(TrustForm.PROVENANCE_VERIFIED_ON), rows);
        List<String> by = padded(fields.get(TrustForm.PROVENANCE_VERIFIED_BY), rows);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String value : ticked == null ? List.<String>of() : ticked) {
            int row;
            try {
                row = Integer.parseInt(value == null ? "" : value.trim());
            } catch (NumberFormatException e) {
                row = -1;
            }
            if (row < 0 || row >= rows) {
                throw CurationProblem.invalidField("provenance", "\"Verified today by me\" must tick a row of the "
                        + "provenance table; nothing was changed.");
            }
            on.set(row, today);
            by.set(row, curator);
        }
        fields.put(TrustForm.PROVENANCE_VERIFIED_ON, on);
        fields.put(TrustForm.PROVENANCE_VERIFIED_BY, by);
        return new CuratorInput.Form(fields, form.shownVersion());
    }

    private static List<String> padded(List<String> values, int size) {
        List<String> list = new ArrayList<>(values == null ? List.of() : values);
        while (list.size() < size) {
            list.add("");
        }
        return list;
    }

    private static boolean blank(List<String> values) {
        return values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank();
    }

    /** Why the contributor's item cannot be decided now: changes were requested and their next round is due. */
    private static String revising(ReviewItem item) {
        return "The contributor is revising this submission: changes were requested"
                + (item.decidedBy == null ? "" : " by " + item.decidedBy)
                + (item.decidedAt == null ? "" : " on " + DAY.format(item.decidedAt))
                + " in revision " + item.revision + ". It comes back to the queue as revision " + (item.revision + 1)
                + " when they send it; decide on that. Nothing was changed.";
    }

    private static List<FieldError> reasonErrors(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new FieldError("reason", "Give a reason; it is shown in the history."));
        }
        try {
            requireMaxLength("reason", reason.strip(), Limits.REASON_MAX);
            return List.of();
        } catch (CurationProblem p) {
            return p.errors();
        }
    }

    private static String requireReason(String reason) {
        List<FieldError> errors = reasonErrors(reason);
        if (!errors.isEmpty()) {
            throw CurationProblem.invalidField("reason", errors.get(0).message());
        }
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
