package org.imagingcatalog.submission.proposals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.submission.catalog.EntryName;
import org.imagingcatalog.submission.catalog.PublishedCatalog;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The one action layer behind the forms and the JSON API: checks a submission or a revision, stores it, its
 * round and its {@code SubmissionReceived} outbox row in one transaction, and decides who may see and do what
 * (the tracking token for a submission's page and revisions, the contributor role for "my submissions").
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final PublishedCatalog catalog;
    private final Outbox outbox;
    private final CurrentContributor contributor;
    private final TokenSeal seal;
    private final SubmissionRules rules;
    private final String publicCatalogUrl;

    public SubmissionService(PublishedCatalog catalog, Outbox outbox, CurrentContributor contributor, TokenSeal seal,
            @ConfigProperty(name = "catalog.public-catalog-url") String publicCatalogUrl) {
        this.publicCatalogUrl = publicCatalogUrl;
        this.catalog = catalog;
        this.outbox = outbox;
        this.contributor = contributor;
        this.seal = seal;
        this.rules = new SubmissionRules(catalog::resource);
    }

    /** The errors this request would be refused with (empty when it can be submitted). */
    public List<FieldError> check(SubmissionRequest request) {
        return rules.check(request);
    }

    /** The published resource a correction or withdrawal may name, or why it may not (the rules' own answer). */
    public PublishedTarget target(String resourceId) {
        return rules.target(resourceId);
    }

    /**
     * Stores a valid submission, its first round and its event.
     *
     * @throws InvalidSubmissionException when a rule is broken; then nothing is stored
     */
    @Transactional
    public Receipt submit(SubmissionRequest request) {
        List<FieldError> errors = check(request);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        String token = TrackingTokens.newToken();
        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.trackingTokenHash = TrackingTokens.hash(token);
        submission.kind = request.kind();
        submission.submitterName = request.submitterName();
        submission.submitterEmail = request.submitterEmail();
        submission.trackingTokenSealed = submission.submitterEmail == null ? null : seal.seal(token);
        submission.submitterSubject = request.submitterSubject();
        submission.status = SubmissionStatus.RECEIVED;
        submission.revision = 1;
        // PostgreSQL keeps microseconds: the stored time and the event's time are the same instant.
        submission.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        propose(submission, request, request.resourceId());
        submission.persist();
        startRound(submission, submission.submittedAt);
        LOG.infof("stored %s submission %s for resource %s", submission.kind, submission.id, submission.resourceId);
        return new Receipt(submission.id, token, submission.revision);
    }

    /**
     * The contributor's next round after the curators asked for changes: same submission, kind and resource, the
     * revision one higher, the status back to RECEIVED; the earlier rounds are kept. The token is the permission.
     *
     * @throws UnknownSubmissionException no submission has this token
     * @throws NotRevisableException the curators have not asked for changes (nothing stored)
     * @throws InvalidSubmissionException another kind or resource, or a broken rule (nothing stored)
     */
    @Transactional
    public Receipt revise(String token, SubmissionRequest request) {
        Submission found = findByToken(token).orElseThrow(UnknownSubmissionException::new);
        Submission submission = Submission.findById(found.id, LockModeType.PESSIMISTIC_WRITE);
        if (submission.status != SubmissionStatus.CHANGES_REQUESTED) {
            throw new NotRevisableException(submission.status);
        }
        List<FieldError> fixed = new ArrayList<>();
        if (request.kind() != null && request.kind() != submission.kind) {
            fixed.add(new FieldError("kind", "A revision keeps the kind of its submission: " + submission.kind + "."));
        }
        if (submission.kind != SubmissionKind.NEW && request.resourceId() != null
                && !request.resourceId().equals(submission.resourceId)) {
            fixed.add(new FieldError("resourceId", "A revision keeps the resource of its submission: \""
                    + submission.resourceId + "\"."));
        }
        if (!fixed.isEmpty()) {
            throw new InvalidSubmissionException(fixed);
        }
        String resourceId = submission.kind == SubmissionKind.NEW ? null : submission.resourceId;
        SubmissionRequest revision = new SubmissionRequest(submission.kind, request.resourceId() == null ? resourceId
                : request.resourceId(), request.proposed(), request.patch(), request.inputErrors(), request.comment(),
                request.submitterName(), request.submitterEmail(), request.submitterSubject());
        List<FieldError> errors = check(revision);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        // what the revision does not name stays: the submitter's name and address unless given again
        if (revision.submitterName() != null) {
            submission.submitterName = revision.submitterName();
        }
        if (revision.submitterEmail() != null) {
            submission.submitterEmail = revision.submitterEmail();
            if (submission.trackingTokenSealed == null) {
                submission.trackingTokenSealed = seal.seal(token);
            }
        }
        propose(submission, revision, revision.resourceId());
        submission.revision++;
        submission.status = SubmissionStatus.RECEIVED;
        submission.curatorMessage = null;
        submission.decidedAt = null;
        startRound(submission, Instant.now().truncatedTo(ChronoUnit.MICROS));
        LOG.infof("stored revision %d of submission %s", submission.revision, submission.id);
        return new Receipt(submission.id, token, submission.revision);
    }

    /** Sets what this round proposes: a NEW resource, a correction's patch, a withdrawal's reason. */
    private void propose(Submission submission, SubmissionRequest request, String resourceId) {
        submission.proposedJson = null;
        submission.patchJson = null;
        switch (submission.kind) {
            case NEW -> {
                Resource proposed = request.proposed();
                submission.proposedJson = json(proposed);
                submission.resourceId = proposed.id() == null || proposed.id().isBlank() ? null : proposed.id();
            }
            case CORRECTION -> {
                submission.patchJson = json(rules.correctionPatch(request));
                submission.resourceId = resourceId;
            }
            case WITHDRAWAL -> submission.resourceId = resourceId;
        }
        submission.comment = request.comment();
    }

    /** Keeps the round and emits its event, in the storing transaction. */
    private void startRound(Submission submission, Instant submittedAt) {
        SubmissionRound round = new SubmissionRound();
        round.submissionId = submission.id;
        round.revision = submission.revision;
        round.proposedJson = submission.proposedJson;
        round.patchJson = submission.patchJson;
        round.comment = submission.comment;
        round.submittedAt = submittedAt;
        round.persist();
        outbox.append(SubmissionReceived.of(submission.id, submission.kind, submission.resourceId,
                submission.proposedJson == null ? null : read(submission.proposedJson, Resource.class),
                submission.patchJson == null ? null : read(submission.patchJson, JsonNode.class),
                submission.comment, submission.submitterName, submittedAt, submission.revision));
    }

    /**
     * The entries of the local copy of the catalog a proposal's relation may point to, by name: every entry but
     * {@code excludedId} (the resource being corrected, which cannot point to itself; null for none).
     */
    public List<EntryName> relationTargets(String excludedId) {
        return catalog.names().stream().filter(entry -> !entry.id().equals(excludedId)).toList();
    }

    public Optional<Submission> findByToken(String token) {
        if (!TrackingTokens.looksValid(token)) {
            return Optional.empty();
        }
        return Submission.findByTokenHash(TrackingTokens.hash(token));
    }

    /** Every round of a submission, the first first. */
    public List<SubmissionRound> rounds(Submission submission) {
        return SubmissionRound.of(submission.id);
    }

    /** The resource's page in the public catalog: a corrected or withdrawn one, or a new one once accepted; else null. */
    public String publicPage(Submission submission) {
        if (submission.resourceId == null
                || (submission.kind == SubmissionKind.NEW && submission.status != SubmissionStatus.ACCEPTED)) {
            return null;
        }
        return publicCatalogUrl + "/resources/" + submission.resourceId;
    }

    /** The submissions the logged-in contributor sent while logged in, newest first. */
    @RolesAllowed(Roles.CONTRIBUTOR)
    public List<Submission> mine() {
        return Submission.listBySubject(contributor.subject().orElseThrow());
    }

    /** The name of the proposed or targeted resource, for pages that show what a submission is about. */
    public String proposedName(Submission submission) {
        if (submission.proposedJson != null) {
            return read(submission.proposedJson, Resource.class).name();
        }
        return catalog.find(submission.resourceId).map(entry -> entry.name).orElse(submission.resourceId);
    }

    /**
     * What a round proposes, as JSON: a NEW resource whole, a correction's patch (only the fields it names; a
     * correction stored before patches existed: the whole corrected resource), nothing for a withdrawal.
     */
    public static JsonNode proposal(String proposedJson, String patchJson) {
        if (patchJson != null) {
            return read(patchJson, JsonNode.class);
        }
        if (proposedJson != null) {
            ObjectNode whole = EventJson.mapper().valueToTree(read(proposedJson, Resource.class).content());
            return whole;
        }
        return null;
    }

    /**
     * The latest proposal as a whole resource, to pre-fill the revision form: the NEW resource, or the published
     * version with the correction's patch applied.
     */
    public Optional<Resource> latestProposal(Submission submission) {
        if (submission.kind == SubmissionKind.CORRECTION && submission.patchJson != null) {
            return rules.corrected(submission.resourceId, read(submission.patchJson, JsonNode.class));
        }
        if (submission.proposedJson != null) {
            return Optional.of(read(submission.proposedJson, Resource.class));
        }
        return submission.kind == SubmissionKind.CORRECTION ? catalog.resource(submission.resourceId) : Optional.empty();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored proposal is not readable", e);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a proposal as JSON", e);
        }
    }
}
