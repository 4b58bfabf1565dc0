package org.imagingcatalog.submission.proposals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.imagingcatalog.kit.outbox.Outbox;
import org.imagingcatalog.model.Resource;
import org.imagingcatalog.model.Roles;
import org.imagingcatalog.model.SubmissionKind;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.model.events.EventJson;
import org.imagingcatalog.model.events.SubmissionReceived;
import org.imagingcatalog.model.validation.FieldError;
import org.imagingcatalog.submission.catalog.PublishedCatalog;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one action layer behind the forms and the JSON API: checks a submission, stores it and
 * its {@code SubmissionReceived} outbox row in one transaction, and decides who may list what.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    private final PublishedCatalog catalog;
    private final Outbox outbox;
    private final CurrentContributor contributor;
    private final SubmissionRules rules;

    public SubmissionService(PublishedCatalog catalog, Outbox outbox, CurrentContributor contributor) {
        this.catalog = catalog;
        this.outbox = outbox;
        this.contributor = contributor;
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
     * Stores a valid submission and its event.
     *
     * @throws InvalidSubmissionException when a rule is broken; then nothing is stored
     */
    @Transactional
    public Receipt submit(SubmissionRequest request) {
        List<FieldError> errors = check(request);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        Resource proposed = normalisedProposal(request);
        String resourceId = request.kind() == SubmissionKind.NEW
                ? (proposed.id() == null || proposed.id().isBlank() ? null : proposed.id())
                : request.resourceId();
        String token = TrackingTokens.newToken();

        Submission submission = new Submission();
        submission.id = UUID.randomUUID();
        submission.trackingTokenHash = TrackingTokens.hash(token);
        submission.kind = request.kind();
        submission.resourceId = resourceId;
        submission.proposedJson = proposed == null ? null : json(proposed);
        submission.comment = request.comment();
        submission.submitterName = request.submitterName();
        submission.submitterEmail = request.submitterEmail();
        submission.submitterSubject = request.submitterSubject();
        submission.status = SubmissionStatus.RECEIVED;
        // PostgreSQL keeps microseconds: the stored time and the event's time are the same instant.
        submission.submittedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        submission.persist();

        outbox.append(SubmissionReceived.of(submission.id, submission.kind, resourceId,
                proposed, submission.comment, submission.submitterName, submission.submittedAt));
        LOG.infof("stored %s submission %s for resource %s", submission.kind, submission.id, resourceId);
        return new Receipt(submission.id, token);
    }

    public Optional<Submission> findByToken(String token) {
        if (!TrackingTokens.looksValid(token)) {
            return Optional.empty();
        }
        return Submission.findByTokenHash(TrackingTokens.hash(token));
    }

    /** The submissions the logged-in contributor sent while logged in, newest first. */
    @RolesAllowed(Roles.CONTRIBUTOR)
    public List<Submission> mine() {
        return Submission.listBySubject(contributor.subject().orElseThrow());
    }

    /** The name of the proposed or targeted resource, for pages that show what a submission is about. */
    public String proposedName(Submission submission) {
        if (submission.proposedJson != null) {
            try {
                return EventJson.mapper().readValue(submission.proposedJson, Resource.class).name();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored proposal is not a resource", e);
            }
        }
        return catalog.find(submission.resourceId).map(entry -> entry.name).orElse(submission.resourceId);
    }

    private static Resource normalisedProposal(SubmissionRequest request) {
        Resource proposed = request.proposed();
        if (proposed != null && request.kind() == SubmissionKind.CORRECTION && proposed.id() == null) {
            return proposed.withId(request.resourceId());
        }
        return proposed;
    }

    private static String json(Resource resource) {
        try {
            return EventJson.mapper().writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a resource as JSON", e);
        }
    }
}
