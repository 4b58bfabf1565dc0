package org.imagingcatalog.submission.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.submission.proposals.Submission;
import org.imagingcatalog.submission.proposals.TokenSeal;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Delivers the queued decision mails ({@code outgoing_mail}): claims due rows (several instances never take the
 * same one), sends each outside any transaction, marks it sent, or schedules the next attempt with exponential
 * backoff. Nothing is lost while the SMTP server is down; nothing is sent twice once it was accepted. The
 * address is never logged.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final int ERROR_MAX = 300;

    /** A claimed row, with what its mail needs. */
    record Claimed(UUID id, int attempts, String recipient, DecisionMail mail) {
    }

    private final EntityManager entityManager;
    private final ReactiveMailer mailer;
    private final TokenSeal seal;
    private final String submissionUrl;
    private final String publicCatalogUrl;
    private final int batchSize;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Duration sendTimeout;
    private final Duration retention;

    public MailSender(EntityManager entityManager, ReactiveMailer mailer, TokenSeal seal,
            @ConfigProperty(name = "catalog.submission.public-url") String submissionUrl,
            @ConfigProperty(name = "catalog.public-catalog-url") String publicCatalogUrl,
            @ConfigProperty(name = "catalog.submission.mail.batch-size", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "catalog.submission.mail.retry-initial", defaultValue = "30s") Duration retryInitial,
            @ConfigProperty(name = "catalog.submission.mail.retry-max", defaultValue = "1h") Duration retryMax,
            @ConfigProperty(name = "catalog.submission.mail.send-timeout", defaultValue = "30s") Duration sendTimeout,
            @ConfigProperty(name = "catalog.submission.mail.retention", defaultValue = "P30D") Duration retention) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.seal = seal;
        this.submissionUrl = submissionUrl;
        this.publicCatalogUrl = publicCatalogUrl;
        this.batchSize = batchSize;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.sendTimeout = sendTimeout;
        this.retention = retention;
    }

    @Scheduled(every = "${catalog.submission.mail.send-every:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        try {
            sendDueNow();
        } catch (RuntimeException e) {
            // the database may be away; the rows wait for the next run
            LOG.warnf("cannot send queued mail now: %s", e.getClass().getSimpleName());
        }
    }

    /** Sends what is due; @return how many mails were accepted by the SMTP server. */
    public int sendDueNow() {
        int sent = 0;
        for (Claimed claimed : QuarkusTransaction.requiringNew().call(this::claimDue)) {
            if (claimed.recipient() == null) {
                QuarkusTransaction.requiringNew().run(() -> markSent(claimed.id()));
                continue;
            }
            try {
                mailer.send(Mail.withText(claimed.recipient(), claimed.mail().subject(), claimed.mail().body()))
                        .await().atMost(sendTimeout);
                QuarkusTransaction.requiringNew().run(() -> markSent(claimed.id()));
                sent++;
                LOG.infof("sent the decision mail %s", claimed.id());
            } catch (RuntimeException e) {
                Duration wait = backoff(claimed.attempts());
                QuarkusTransaction.requiringNew().run(() -> markFailed(claimed.id(), wait, describe(e)));
                LOG.warnf("could not send the decision mail %s (attempt %d): %s; next attempt in %s", claimed.id(),
                        claimed.attempts(), describe(e), wait);
            }
        }
        return sent;
    }

    /** Exponential: the initial wait, doubled after each failed attempt, at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = retryInitial;
        for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    /**
     * Takes the due rows for this run: a lease (the send timeout, twice) keeps other instances and the next run off
     * them; a crash mid-send makes them due again when it ends.
     */
    @SuppressWarnings("unchecked")
    private List<Claimed> claimDue() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT id, submission_id, revision, status, curator_message, attempts FROM outgoing_mail
                 WHERE sent_at IS NULL AND next_attempt_at <= now()
                 ORDER BY next_attempt_at LIMIT ?1 FOR UPDATE SKIP LOCKED
                """).setParameter(1, batchSize).getResultList();
        List<Claimed> claimed = new ArrayList<>();
        Instant lease = Instant.now().plus(sendTimeout.multipliedBy(2));
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            int attempts = ((Number) row[5]).intValue() + 1;
            entityManager.createNativeQuery("UPDATE outgoing_mail SET attempts = ?1, next_attempt_at = ?2 WHERE id = ?3")
                    .setParameter(1, attempts).setParameter(2, lease).setParameter(3, id).executeUpdate();
            Submission submission = Submission.findById(row[1]);
            if (submission == null || submission.submitterEmail == null) {
                claimed.add(new Claimed(id, attempts, null, null));
                continue;
            }
            String trackingUrl = seal.open(submission.trackingTokenSealed).map(t -> submissionUrl + "/track/" + t)
                    .orElse(null);
            String publicUrl = submission.resourceId == null ? null : publicCatalogUrl + "/resources/" + submission.resourceId;
            claimed.add(new Claimed(id, attempts, submission.submitterEmail, new DecisionMail(submission.submitterName,
                    submission.kind, submission.resourceId, ((Number) row[2]).intValue(),
                    SubmissionStatus.valueOf((String) row[3]), (String) row[4], trackingUrl, publicUrl, submissionUrl)));
        }
        return claimed;
    }

    private void markSent(UUID id) {
        entityManager.createNativeQuery("UPDATE outgoing_mail SET sent_at = now(), last_error = NULL WHERE id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    private void markFailed(UUID id, Duration wait, String error) {
        entityManager.createNativeQuery("UPDATE outgoing_mail SET next_attempt_at = ?1, last_error = ?2 WHERE id = ?3")
                .setParameter(1, Instant.now().plus(wait)).setParameter(2, error).setParameter(3, id).executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSent() {
        try {
            int purged = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "DELETE FROM outgoing_mail WHERE sent_at < ?1").setParameter(1, Instant.now().minus(retention))
                    .executeUpdate());
            if (purged > 0) {
                LOG.infof("purged %d sent mails older than %s", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warnf("cannot purge sent mails now: %s", e.getClass().getSimpleName());
        }
    }

    /** The kind of failure, without any address a server may have quoted. */
    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().replaceAll("\\S+@\\S+", "<address>");
        String text = cause.getClass().getSimpleName() + message;
        return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) : text;
    }
}
