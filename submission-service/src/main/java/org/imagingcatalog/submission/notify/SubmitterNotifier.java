package org.imagingcatalog.submission.notify;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.imagingcatalog.model.SubmissionStatus;
import org.imagingcatalog.submission.proposals.Submission;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/** Tells a contributor who left an e-mail address that curators decided. Never logs the address. */
@ApplicationScoped
public class SubmitterNotifier {

    private static final Logger LOG = Logger.getLogger(SubmitterNotifier.class);

    private final Mailer mailer;
    private final String publicUrl;

    public SubmitterNotifier(Mailer mailer, @ConfigProperty(name = "catalog.submission.public-url") String publicUrl) {
        this.mailer = mailer;
        this.publicUrl = publicUrl;
    }

    public void decisionMade(Submission submission) {
        if (submission.submitterEmail == null) {
            return;
        }
        try {
            mailer.send(Mail.withText(submission.submitterEmail, subject(submission.status), body(submission)));
            LOG.infof("told the submitter of %s about the decision", submission.id);
        } catch (RuntimeException e) {
            LOG.warnf("could not e-mail the submitter of %s: %s", submission.id, e.getClass().getSimpleName());
        }
    }

    static String subject(SubmissionStatus status) {
        return "Imaging Data Catalog: your submission is " + describe(status);
    }

    private String body(Submission submission) {
        StringBuilder text = new StringBuilder();
        text.append("Hello").append(submission.submitterName == null ? "" : " " + submission.submitterName).append(",\n\n");
        text.append("curators have looked at your ").append(submission.kind.name().toLowerCase())
                .append(" submission").append(submission.resourceId == null ? "" : " for \"" + submission.resourceId + "\"")
                .append(": it is ").append(describe(submission.status)).append(".\n");
        if (submission.curatorMessage != null && !submission.curatorMessage.isBlank()) {
            text.append("\nMessage from the curators:\n").append(submission.curatorMessage).append("\n");
        }
        text.append("\nYour private tracking link, given when you submitted, shows the same status.\n")
                .append("Contribute again: ").append(publicUrl).append("/\n");
        return text.toString();
    }

    private static String describe(SubmissionStatus status) {
        return switch (status) {
            case RECEIVED -> "received";
            case IN_REVIEW -> "in review";
            case ACCEPTED -> "accepted";
            case REJECTED -> "rejected";
            case CHANGES_REQUESTED -> "waiting for changes";
        };
    }
}
